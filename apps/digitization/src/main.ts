import 'reflect-metadata';
import { loadConfigOrExit } from '@motcua/config';
import { runService } from '@motcua/http';
import { AppModule } from './app.module';
import { digitizationEnv, storageConfigProblems, type DigitizationConfig } from './config';

function loadDigitizationConfig(): DigitizationConfig {
  const config = loadConfigOrExit('digitization', digitizationEnv);
  const problems = storageConfigProblems(config);
  if (problems.length > 0) {
    process.stderr.write(`digitization: Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}\n`);
    process.exit(78);
  }
  return config;
}

void runService({
  service: 'digitization',
  title: 'motcua digitization',
  description: 'Digitization (số hóa): file intake, digitized documents and results, reuse per applicant, rates',
  loadConfig: loadDigitizationConfig,
  module: (config) => AppModule.forRoot(config),
});
