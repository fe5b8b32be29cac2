import path from 'node:path';
import TsconfigPathsPlugin from 'tsconfig-paths-webpack-plugin';

const ROOT = path.resolve(__dirname, '../../..');

/**
 * Where the workflow code lives and how to bundle it. Temporal's webpack bundler does not read
 * tsconfig `paths`, so the plugin teaches it the `@orientir/*` aliases (worker and jest alike).
 */
export function workflowBundlerSettings() {
  return {
    workflowsPath: path.join(ROOT, 'workflows/src/index.ts'),
    bundlerOptions: {
      webpackConfigHook: <C extends { resolve?: { plugins?: unknown[] } }>(config: C): C => {
        config.resolve = config.resolve ?? {};
        config.resolve.plugins = [
          ...(config.resolve.plugins ?? []),
          new TsconfigPathsPlugin({ configFile: path.join(ROOT, 'tsconfig.base.json'), extensions: ['.ts', '.js'] }),
        ];
        return config;
      },
    },
  };
}
