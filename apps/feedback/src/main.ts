import 'reflect-metadata';
import { loadConfigOrExit } from '@motcua/config';
import { runService } from '@motcua/http';
import { feedbackService } from './service';
import { feedbackEnv } from './config';

void runService({
  ...feedbackService,
  loadConfig: () => loadConfigOrExit('feedback', feedbackEnv),
});
