import { Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { TemporalWorkflowGateway, WORKFLOW_GATEWAY } from './workflow.gateway';

export const TEMPORAL_CONNECTION = Symbol('TEMPORAL_CONNECTION');

class ConnectionCloser implements OnApplicationShutdown {
  constructor(@Inject(TEMPORAL_CONNECTION) private readonly connection: Connection) {}
  async onApplicationShutdown(): Promise<void> {
    await this.connection.close();
  }
}

/** A typed Temporal client for the API, behind the WorkflowGateway interface. */
@Module({})
export class TemporalClientModule {
  static forRoot(options: { address: string; namespace: string; taskQueue: string }): DynamicModule {
    return {
      module: TemporalClientModule,
      global: true,
      providers: [
        // lazy: the API starts even while Temporal is still coming up; health shows it.
        { provide: TEMPORAL_CONNECTION, useFactory: () => Connection.lazy({ address: options.address }) },
        {
          provide: WORKFLOW_GATEWAY,
          inject: [TEMPORAL_CONNECTION],
          useFactory: (connection: Connection) =>
            new TemporalWorkflowGateway(new Client({ connection, namespace: options.namespace }), options.taskQueue),
        },
        ConnectionCloser,
      ],
      exports: [WORKFLOW_GATEWAY],
    };
  }
}
