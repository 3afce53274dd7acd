import { SeedClient } from './seed-client';
import { seedCatalog } from './catalog/catalog.seed';
import { seedDigitization } from './digitization/digitization.seed';
import { seedDossiers } from './dossiers/dossiers.seed';
import { seedFeedback } from './feedback/feedback.seed';

/**
 * Loads the demo data (marked as demo data: dữ liệu mẫu) into a running stack.
 * Idempotent: running it again adds nothing that is already there.
 */
async function main(): Promise<void> {
  const port = (name: string, fallback: number) =>
    Number(process.env[`${name.toUpperCase()}_PORT`] ?? fallback);
  const client = new SeedClient({
    catalog: `http://127.0.0.1:${port('catalog', 3101)}`,
    dossiers: `http://127.0.0.1:${port('dossiers', 3102)}`,
    feedback: `http://127.0.0.1:${port('feedback', 3103)}`,
    digitization: `http://127.0.0.1:${port('digitization', 3104)}`,
    reporting: `http://127.0.0.1:${port('reporting', 3105)}`,
  });
  const catalog = await seedCatalog(client);
  process.stdout.write(
    `    catalog: ${catalog.created} publication decisions, ${catalog.existing} already there\n`,
  );
  const dossiers = await seedDossiers(client);
  process.stdout.write(
    `    dossiers: ${dossiers.created} created, ${dossiers.existing} already there, ${dossiers.actions} actions\n`,
  );
  const feedback = await seedFeedback(client);
  process.stdout.write(
    `    feedback: ${feedback.created} created, ${feedback.existing} already there, ${feedback.advanced} steps taken\n`,
  );
  const digitization = await seedDigitization(client);
  process.stdout.write(
    `    digitization: ${digitization.documents} documents, results ${digitization.results}\n`,
  );
}

main().catch((error: Error) => {
  process.stderr.write(`motcua seed: ${error.message}\n`);
  process.exit(1);
});
