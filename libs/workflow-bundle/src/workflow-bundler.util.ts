import path from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import TsconfigPathsPlugin from 'tsconfig-paths-webpack-plugin';

export const ROOT = path.resolve(__dirname, '../../..');
const WORKFLOWS_PATH = path.join(ROOT, 'workflows/src/index.ts');

interface WebpackConfig {
  resolve?: { plugins?: unknown[] };
  plugins?: unknown[];
}

/** Temporal's webpack bundler does not read tsconfig `paths`: the plugin teaches it the `@orientir/*` aliases. */
function withAliases<C extends WebpackConfig>(config: C): C {
  config.resolve = config.resolve ?? {};
  config.resolve.plugins = [
    ...(config.resolve.plugins ?? []),
    new TsconfigPathsPlugin({ configFile: path.join(ROOT, 'tsconfig.base.json'), extensions: ['.ts', '.js'] }),
  ];
  return config;
}

/** Worker options that bundle the workflow TypeScript at start (slow; see prebuiltWorkflowBundle). */
export function workflowBundlerSettings() {
  return { workflowsPath: WORKFLOWS_PATH, bundlerOptions: { webpackConfigHook: withAliases } };
}

export interface BuiltWorkflowBundle {
  code: string;
  /** Every file webpack put into the bundle, relative to the repository root. */
  modules: string[];
}

interface Compilation {
  hooks: { finishModules: { tap(name: string, fn: (modules: Iterable<{ resource?: string }>) => void): void } };
}
interface Compiler {
  hooks: { compilation: { tap(name: string, fn: (compilation: Compilation) => void): void } };
}

/** Bundles the workflow code once and says which files went in (what the cache and the bundle test check). */
export async function buildWorkflowBundle(): Promise<BuiltWorkflowBundle> {
  const modules = new Set<string>();
  const recorder = {
    apply(compiler: Compiler) {
      compiler.hooks.compilation.tap('OrientirModuleRecorder', (compilation) =>
        compilation.hooks.finishModules.tap('OrientirModuleRecorder', (built) => {
          for (const m of built) if (m.resource) modules.add(path.relative(ROOT, m.resource.split('?')[0]));
        }),
      );
    },
  };
  const { code } = await bundleWorkflowCode({
    workflowsPath: WORKFLOWS_PATH,
    webpackConfigHook: (config) => {
      withAliases(config as WebpackConfig);
      config.plugins = [...(config.plugins ?? []), recorder as never];
      return config;
    },
  });
  return { code, modules: [...modules].sort() };
}
