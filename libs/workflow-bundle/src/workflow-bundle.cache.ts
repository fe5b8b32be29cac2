import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { buildWorkflowBundle, ROOT, type BuiltWorkflowBundle } from './workflow-bundler.util';

const CACHE_DIR = path.join(ROOT, 'node_modules/.cache/orientir-workflow-bundle');
const CODE_PATH = path.join(CACHE_DIR, 'workflow-bundle.js');
const MANIFEST_PATH = path.join(CACHE_DIR, 'manifest.json');
/** Inputs that change how files resolve or compile without being bundled themselves. */
const CONFIG_FILES = ['tsconfig.base.json', 'package-lock.json'];

interface Manifest {
  /** Repository-relative file → sha256 of its content, for every bundled file and CONFIG_FILES. */
  files: Record<string, string>;
}

/**
 * Worker options with the workflow code prebuilt: bundling TypeScript with webpack costs seconds at
 * every start, so the bundle is kept in node_modules/.cache and rebuilt only when a file that went
 * into it (or the tsconfig / lockfile) changed. `npx nx run workflow-bundle:build` builds it ahead.
 */
export async function prebuiltWorkflowBundle(): Promise<{ workflowBundle: { codePath: string } | { code: string } }> {
  if (await isFresh()) return { workflowBundle: { codePath: CODE_PATH } };
  const built = await buildWorkflowBundle();
  try {
    return { workflowBundle: { codePath: (await writeWorkflowBundle(built)).codePath } };
  } catch {
    // A read-only node_modules (e.g. an image built without the cache): run from memory this time.
    return { workflowBundle: { code: built.code } };
  }
}

/** Builds the bundle and records what went into it; written atomically so a parallel start never reads half. */
export async function writeWorkflowBundle(
  built?: BuiltWorkflowBundle,
): Promise<{ codePath: string; modules: string[] }> {
  const { code, modules } = built ?? (await buildWorkflowBundle());
  const files: Record<string, string> = {};
  for (const file of [...modules, ...CONFIG_FILES]) files[file] = await hashOf(file);
  await fs.mkdir(CACHE_DIR, { recursive: true });
  const suffix = `.${process.pid}.tmp`;
  await fs.writeFile(CODE_PATH + suffix, code);
  await fs.writeFile(MANIFEST_PATH + suffix, JSON.stringify({ files } satisfies Manifest, null, 1));
  // Code first, manifest last: a manifest always describes the code beside it.
  await fs.rename(CODE_PATH + suffix, CODE_PATH);
  await fs.rename(MANIFEST_PATH + suffix, MANIFEST_PATH);
  return { codePath: CODE_PATH, modules };
}

async function isFresh(): Promise<boolean> {
  try {
    const manifest = JSON.parse(await fs.readFile(MANIFEST_PATH, 'utf8')) as Manifest;
    await fs.access(CODE_PATH);
    for (const [file, hash] of Object.entries(manifest.files)) {
      if ((await hashOf(file)) !== hash) return false;
    }
    return Object.keys(manifest.files).length > 0;
  } catch {
    return false;
  }
}

async function hashOf(file: string): Promise<string> {
  try {
    return createHash('sha256')
      .update(await fs.readFile(path.join(ROOT, file)))
      .digest('hex');
  } catch {
    return 'missing';
  }
}
