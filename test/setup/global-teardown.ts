import fs from 'node:fs';

export default async function globalTeardown(): Promise<void> {
  await globalThis.__ORIENTIR_INFRA__?.stop();
  // Each run gets a fresh throw-away cluster; remove it once stopped.
  if (globalThis.__ORIENTIR_TEST_PG_DIR__)
    fs.rmSync(globalThis.__ORIENTIR_TEST_PG_DIR__, { recursive: true, force: true });
}
