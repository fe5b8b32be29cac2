// The Temporal client side (what the API uses). Bundling workflow code is the worker's business:
// see @orientir/workflow-bundle.
export * from './workflow.gateway';
export * from './temporal-client.module';
export * from './digest-schedules';
