/** Stops what the global setup started (and only that), once per run. */
export default async function globalTeardown(): Promise<void> {
  const idp = globalThis.__motcuaIdp;
  globalThis.__motcuaIdp = undefined;
  await idp?.stop();
  const infra = globalThis.__motcuaInfrastructure;
  globalThis.__motcuaInfrastructure = undefined;
  await infra?.stop();
}
