import { readFileSync } from 'node:fs';
import { KAFKA_ADMIN } from '@motcua/contracts';
import { decisionBody } from '@motcua/stack';
// eslint-disable-next-line no-restricted-imports -- --own runs the builds on npm test's own infrastructure (Jest's global set-up, its services and tokens) on purpose: the one set-up that keeps checkouts sharing a machine apart.
import { mintTestToken, startService, testEnv } from '@motcua/testing';
// The test infrastructure's global set-up and teardown are files of libs/testing, not exported by it.
import globalSetup from '../../../libs/testing/src/global-setup';
import globalTeardown from '../../../libs/testing/src/global-teardown';
import type { BenchTarget } from './intake-kit';

/** The environment a running process was started with (Linux /proc). */
export function environmentOf(pid: number): NodeJS.ProcessEnv {
  return Object.fromEntries(
    readFileSync(`/proc/${pid}/environ`, 'utf8')
      .split('\0')
      .filter((entry) => entry.includes('='))
      .map((entry) => [entry.slice(0, entry.indexOf('=')), entry.slice(entry.indexOf('=') + 1)]),
  );
}

/**
 * A stack of this checkout's own, for comparing builds on a machine shared with other checkouts
 * (`cpu-ab.ts --own`): the test infrastructure of `npm test` (this checkout's databases, broker
 * and ports: MOTCUA_TEST_DB_PREFIX, MOTCUA_TEST_KAFKA_PORT, MOTCUA_TEST_PORT_OFFSET), the catalog
 * and the dossiers service started as the integration tests start them, and a published template
 * procedure. The dossiers process is handed over (its pid and environment) for the caller to replace.
 */
export async function ownStack(): Promise<{
  target: BenchTarget;
  dossiersPid: number;
  stop: () => Promise<void>;
}> {
  await globalSetup();
  const started = await Promise.allSettled([
    startService('catalog', 4971),
    startService('dossiers', 4972),
  ]);
  const services = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const stop = async () => {
    await Promise.all(services.map((s) => s.stop()));
    await globalTeardown();
  };
  const failed = started.find((s) => s.status === 'rejected');
  if (failed) {
    await stop();
    throw failed.reason;
  }
  const [catalog, dossiers] = services;
  const template = `8.${String(Math.floor(Math.random() * 1_000_000)).padStart(6, '0')}`;
  const admin = await mintTestToken({ subject: 'bench-admin', roles: ['admin'] });
  const published = await fetch(`${catalog.url}/publication-decisions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
    body: JSON.stringify(decisionBody('new', template)),
  });
  if (published.status !== 201) {
    await stop();
    throw new Error(`publishing the template procedure answered ${published.status}`);
  }
  return {
    target: {
      catalogUrl: catalog.url,
      dossiersUrl: dossiers.url,
      pgServer: testEnv.postgresServer(),
      reportingDatabaseUrl: testEnv.databaseUrl('reporting'),
      kafkaBrokers: testEnv.kafkaBrokers(),
      kafkaSasl: testEnv.kafkaSasl(KAFKA_ADMIN),
      issuer: testEnv.authIssuer(),
      templateCode: template,
    },
    dossiersPid: dossiers.process.pid!,
    stop,
  };
}
