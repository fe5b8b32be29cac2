// Builds the web app (apps/web → dist/web) only when its sources changed since the last build.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const STAMP = '.source-hash';

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}

/** A hash of everything the build reads: the app's sources, its config and the lockfile. */
export function webSourceHash(root: string): string {
  const web = path.join(root, 'apps/web');
  const files = [
    ...filesUnder(path.join(web, 'src')),
    path.join(web, 'index.html'),
    path.join(web, 'vite.config.ts'),
    path.join(root, 'package-lock.json'),
  ]
    .filter((f) => fs.existsSync(f))
    .sort();
  const hash = createHash('sha256');
  for (const f of files) hash.update(path.relative(root, f)).update('\0').update(fs.readFileSync(f));
  return hash.digest('hex');
}

/** Returns 'built' or 'up to date'; throws with the build output when the build fails. */
export function ensureWebBuilt(root: string, outDir = path.join(root, 'dist/web')): 'built' | 'up to date' {
  const hash = webSourceHash(root);
  const stamp = path.join(outDir, STAMP);
  if (
    fs.existsSync(path.join(outDir, 'index.html')) &&
    fs.existsSync(stamp) &&
    fs.readFileSync(stamp, 'utf8') === hash
  ) {
    return 'up to date';
  }
  const result = spawnSync(
    process.execPath,
    [
      path.join(root, 'node_modules/vite/bin/vite.js'),
      'build',
      '--config',
      'apps/web/vite.config.ts',
      '--logLevel',
      'warn',
    ],
    {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, NODE_ENV: 'production' },
    },
  );
  if (result.status !== 0) {
    throw new Error(`web app build failed (npx nx run web:build):\n${result.stdout}\n${result.stderr}`);
  }
  fs.writeFileSync(stamp, hash);
  return 'built';
}
