import 'reflect-metadata';
import { loadConfigOrExit } from '@motcua/config';
import { runService } from '@motcua/http';
import { digitizationService } from './service';
import { digitizationEnv, storageConfigProblems, type DigitizationConfig } from './config';
import { loadTrustAnchors } from './signatures/trust-anchors';

function trustAnchorProblems(config: DigitizationConfig): string[] {
  try {
    loadTrustAnchors(config.SIGNATURE_TRUST_ANCHORS_FILE, config.SIGNATURE_TRUST_ANCHORS_PEM);
    return [];
  } catch (error) {
    return [`SIGNATURE_TRUST_ANCHORS_FILE / _PEM is malformed: ${(error as Error).message}`];
  }
}

function loadDigitizationConfig(): DigitizationConfig {
  const config = loadConfigOrExit('digitization', digitizationEnv);
  const problems = [...storageConfigProblems(config), ...trustAnchorProblems(config)];
  if (problems.length > 0) {
    process.stderr.write(
      `digitization: Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}\n`,
    );
    process.exit(78);
  }
  return config;
}

void runService({
  ...digitizationService,
  loadConfig: loadDigitizationConfig,
});
