export * from './workflow.gateway';
export * from './temporal-client.module';
export * from './workflow-bundle.util';
