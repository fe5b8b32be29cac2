import { spawnSync } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

/** The API is a Temporal client only: loading it must not load the worker's bundling machinery. */
describe('what the API process loads', () => {
  it('loads neither the workflow bundler (webpack, tsconfig-paths-webpack-plugin) nor @temporalio/worker', () => {
    const probe = `
      require('./apps/api/src/api.module');
      const loaded = Object.keys(require.cache);
      const names = ['tsconfig-paths-webpack-plugin', 'webpack', '@temporalio/worker', '@temporalio/client'];
      process.stdout.write(JSON.stringify(Object.fromEntries(names.map((m) => [m, loaded.some((k) => k.includes('/node_modules/' + m + '/'))]))));
    `;
    const run = spawnSync(process.execPath, ['-r', './infra/register.js', '-e', probe], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(run.stderr).not.toMatch(/Error/);
    expect(JSON.parse(run.stdout)).toEqual({
      'tsconfig-paths-webpack-plugin': false,
      webpack: false,
      '@temporalio/worker': false,
      // The probe can see what the API does load: it is a Temporal client.
      '@temporalio/client': true,
    });
  }, 120_000);
});
