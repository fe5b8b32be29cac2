// Integration tests: real Temporal dev server, embedded PostgreSQL, MailDev and the Java
// time-skipping test server, started once by the global setup.
import type { Config } from 'jest';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const preset = require('../jest.preset.js');

const config: Config = {
  ...preset,
  rootDir: '..',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.int-spec.ts'],
  globalSetup: '<rootDir>/test/setup/global-setup.ts',
  globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
  testTimeout: 120_000,
};
export default config;
