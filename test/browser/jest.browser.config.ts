// Browser tests: Debian's chromium driven by playwright-core against the real API (serving the
// built web app), worker, Temporal, PostgreSQL and SMTP of the integration global setup.
import type { Config } from 'jest';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const preset = require('../../jest.preset.js');

const config: Config = {
  ...preset,
  rootDir: '../..',
  roots: ['<rootDir>/test/browser'],
  testMatch: ['**/*.browser-spec.ts'],
  globalSetup: '<rootDir>/test/setup/global-setup.ts',
  globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
  testTimeout: 240_000,
};
export default config;
