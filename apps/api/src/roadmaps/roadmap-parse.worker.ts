// Entry of a roadmap-parsing worker thread: parses one upload at a time off the API's event loop.
import { parentPort } from 'node:worker_threads';
import { isDomainException } from '@orientir/domain';
import { runParseJob, type ParseRequest } from './roadmap-parse.job';

export interface ParseReply {
  id: number;
  roadmap?: unknown;
  /** A RoadmapImportException, carried across the thread boundary as plain data. */
  failure?: { code: string; message: string; details: unknown };
  crash?: string;
}

parentPort?.on('message', (message: { id: number; request: ParseRequest }) => {
  runParseJob(message.request).then(
    (roadmap) => parentPort?.postMessage({ id: message.id, roadmap } satisfies ParseReply),
    (error: unknown) =>
      parentPort?.postMessage(
        (isDomainException(error)
          ? { id: message.id, failure: { code: error.code, message: error.message, details: error.details } }
          : { id: message.id, crash: error instanceof Error ? error.message : String(error) }) satisfies ParseReply,
      ),
  );
});
