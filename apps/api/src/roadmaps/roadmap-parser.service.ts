import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import type { CanonicalRoadmap } from '@orientir/domain';
import { RoadmapImportErrorCode, RoadmapImportException } from '@orientir/roadmap-import';
import type { ParseRequest } from './roadmap-parse.job';
import type { ParseReply } from './roadmap-parse.worker';

/** Two parses at once at most; a third upload waits its turn. */
const MAX_WORKERS = 2;
/** One upload may use this much heap; beyond it the worker dies, not the API. */
const WORKER_HEAP_MB = 384;
const PARSE_TIMEOUT_MS = 60_000;
// Workers run the TypeScript sources the way the API itself runs (infra/register.js).
const REGISTER = path.resolve(__dirname, '../../../../infra/register.js');
const ENTRY = path.resolve(__dirname, 'roadmap-parse.worker.ts');

/**
 * Parses uploads in worker threads with a memory cap and a time limit, so one upload (a huge table,
 * a crafted document) can never stall the API's event loop or exhaust its memory.
 */
@Injectable()
export class RoadmapParserService implements OnModuleDestroy {
  private readonly logger = new Logger(RoadmapParserService.name);
  private readonly idle: Worker[] = [];
  private readonly all = new Set<Worker>();
  private readonly waiting: (() => void)[] = [];
  private running = 0;
  private nextId = 0;

  async parse(request: ParseRequest): Promise<CanonicalRoadmap> {
    if (this.running >= MAX_WORKERS) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.running += 1;
    const worker = this.idle.pop() ?? this.spawn();
    let healthy = false;
    try {
      const roadmap = await this.run(worker, request);
      healthy = true;
      return roadmap;
    } catch (error) {
      healthy = error instanceof RoadmapImportException && !(error.cause instanceof WorkerGone);
      throw error;
    } finally {
      if (healthy) this.idle.push(worker);
      else this.discard(worker);
      this.running -= 1;
      this.waiting.shift()?.();
    }
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all([...this.all].map((w) => w.terminate()));
  }

  private spawn(): Worker {
    const worker = new Worker(`require(${JSON.stringify(REGISTER)}); require(${JSON.stringify(ENTRY)});`, {
      eval: true,
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: 32 },
    });
    worker.unref();
    this.all.add(worker);
    return worker;
  }

  private discard(worker: Worker): void {
    this.all.delete(worker);
    void worker.terminate();
  }

  private run(worker: Worker, request: ParseRequest): Promise<CanonicalRoadmap> {
    const id = ++this.nextId;
    const fileName = request.file.fileName;
    return new Promise<CanonicalRoadmap>((resolve, reject) => {
      const done = () => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
      };
      const onMessage = (reply: ParseReply) => {
        if (reply.id !== id) return;
        done();
        if (reply.roadmap) resolve(reply.roadmap as CanonicalRoadmap);
        else if (reply.failure)
          reject(
            new RoadmapImportException(
              reply.failure.code as RoadmapImportErrorCode,
              reply.failure.message,
              reply.failure.details as Record<string, string>,
            ),
          );
        else reject(unreadable(fileName, reply.crash ?? 'unknown'));
      };
      const onError = (error: Error) => {
        done();
        this.logger.warn(`roadmap parse of «${fileName}» stopped: ${error.message}`);
        reject(
          (error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? tooHeavy(fileName, 'для его разбора не хватило выделенной памяти')
            : unreadable(fileName, error.message),
        );
      };
      const onExit = () => {
        done();
        reject(unreadable(fileName, 'worker exited'));
      };
      const timer = setTimeout(() => {
        done();
        reject(tooHeavy(fileName, `разбор длился дольше ${PARSE_TIMEOUT_MS / 1000} с`));
      }, PARSE_TIMEOUT_MS);
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.postMessage({ id, request });
    });
  }
}

/** Marks a failure after which the worker must not be reused. */
class WorkerGone extends Error {}

function tooHeavy(fileName: string, why: string): RoadmapImportException {
  return new RoadmapImportException(
    RoadmapImportErrorCode.FILE_TOO_LARGE,
    `Файл «${fileName}» слишком сложен: ${why}. Сохраните таблицу дорожной карты отдельным документом.`,
    { value: fileName },
    { cause: new WorkerGone(why) },
  );
}

function unreadable(fileName: string, why: string): RoadmapImportException {
  return new RoadmapImportException(
    RoadmapImportErrorCode.CORRUPTED_FILE,
    `Файл «${fileName}» не удалось разобрать: он поврежден или устроен необычно.`,
    { value: fileName },
    { cause: new WorkerGone(why) },
  );
}
