// The worker side of Temporal: turning workflows/ into the code the worker runs in its sandbox.
export { workflowBundlerSettings, buildWorkflowBundle, type BuiltWorkflowBundle } from './workflow-bundler.util';
export { prebuiltWorkflowBundle, writeWorkflowBundle } from './workflow-bundle.cache';
