import { spawnSync } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

/** Configuration is validated once at start-up: a bad value stops the process and names the variable. */
describe.each([
  ['api', 'apps/api/src/main.ts'],
  ['worker', 'apps/worker/src/main.ts'],
])('%s start-up configuration', (_name, main) => {
  it('exits with EX_CONFIG and names every bad variable', () => {
    const run = spawnSync(process.execPath, ['-r', path.join(ROOT, 'infra/register.js'), path.join(ROOT, main)], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 60_000,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        API_PORT: 'eighty',
        SMTP_URL: 'http://not-smtp',
        TEMPORAL_ADDRESS: 'nohostport',
      },
    });
    expect(run.status).toBe(78);
    expect(run.stderr).toMatch(/^\s+- DATABASE_URL: .*not set/m);
    expect(run.stderr).toMatch(/^\s+- API_PORT: .*"eighty"/m);
    expect(run.stderr).toMatch(/^\s+- SMTP_URL: .*smtp/m);
    expect(run.stderr).toMatch(/^\s+- TEMPORAL_ADDRESS: must be host:port/m);
  });
});
