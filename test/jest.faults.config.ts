// Fault tests: each file starts its own Temporal dev server (SQLite file), PostgreSQL, MailDev,
// API and worker as separate processes, then kills or restarts one of them.
import type { Config } from 'jest';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const preset = require('../jest.preset.js');

const config: Config = {
  ...preset,
  rootDir: '..',
  roots: ['<rootDir>/test/faults'],
  testMatch: ['**/*.fault-spec.ts'],
  testTimeout: 300_000,
};
export default config;
