import { readFileSync } from 'node:fs';
import type { INestApplication } from '@nestjs/common';
import { consumerGroupOf, type ServiceName } from '@motcua/contracts';
import {
  connectMessaging,
  importDeadLetters,
  INBOX_TRANSPORT,
  type ExportedDeadLetter,
  type InboxTransport,
} from '@motcua/messaging';

export const REPLAY_DEAD_LETTERS_FLAG = '--replay-dead-letters';

/**
 * `node main.js --replay-dead-letters <file|-> [--dry-run]`, run with the service's environment
 * (the same image and configuration as its instances): the service starts without its HTTP port
 * and consumers, hands the dead letters of the file (`dead-letters.ts export`, `-` for stdin)
 * straight to its handlers through the inbox, prints one JSON line and exits (1 when one was
 * refused). See docs/operations/runbooks.md, "Dead letters".
 */
export async function replayDeadLettersOnce(
  app: INestApplication,
  service: string,
  argv: string[],
): Promise<void> {
  const at = argv.indexOf(REPLAY_DEAD_LETTERS_FLAG);
  const source = argv[at + 1];
  if (!source || source.startsWith('--'))
    throw new Error(`${REPLAY_DEAD_LETTERS_FLAG} needs a file of exported dead letters, or -`);
  const dryRun = argv.includes('--dry-run');
  const letters = importDeadLetters(
    JSON.parse(readFileSync(source === '-' ? 0 : source, 'utf8')) as ExportedDeadLetter[],
  );
  if (!connectMessaging(app)) throw new Error(`${service} consumes no events`);
  const transport = app.get<InboxTransport>(INBOX_TRANSPORT, { strict: false });
  // Reporting starts its projection groups itself when it boots: not in this one-off run.
  transport.holdConsumers();
  await app.init();
  try {
    const replayed = await transport.replayDeadLetters(letters, {
      dryRun,
      groupPrefix: consumerGroupOf(service as ServiceName),
    });
    process.stdout.write(`${JSON.stringify({ dryRun, replayed })}\n`);
    process.exitCode = replayed.some((r) => r.outcome === 'refused') ? 1 : 0;
  } finally {
    await app.close();
  }
}
