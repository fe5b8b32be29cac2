import { Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection, type TLSConfig } from '@temporalio/client';
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
  static forRoot(options: {
    address: string;
    namespace: string;
    taskQueue: string;
    /** null: plain gRPC; an object: TLS, with mTLS when it has a client pair. */
    tls?: TLSConfig | null;
    /** Temporal Cloud API key (sent as a bearer token over TLS). */
    apiKey?: string | null;
  }): DynamicModule {
    return {
      module: TemporalClientModule,
      global: true,
      providers: [
        // lazy: the API starts even while Temporal is still coming up; health shows it.
        {
          provide: TEMPORAL_CONNECTION,
          useFactory: () =>
            Connection.lazy({
              address: options.address,
              tls: options.tls ?? undefined,
              apiKey: options.apiKey ?? undefined,
            }),
        },
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
