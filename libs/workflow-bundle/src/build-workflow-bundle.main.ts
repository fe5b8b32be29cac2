// Prebuilds the workflow bundle into the cache the worker loads it from (`nx run workflow-bundle:build`).
import { writeWorkflowBundle } from './workflow-bundle.cache';

writeWorkflowBundle()
  .then(({ codePath, modules }) => process.stdout.write(`workflow bundle: ${codePath} (${modules.length} modules)\n`))
  .catch((error: unknown) => {
    process.stderr.write(`Bundling the workflows failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  });
