import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Transform, type Readable, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FileStorage, StagedBlob } from './file-storage.port';
import { fileTooLarge } from './files.exception';

/** Enough for every signature the detector reads (the same window file-type uses). */
export const HEAD_BYTES = 4100;
const SHA256 = /^[0-9a-f]{64}$/;

/**
 * Bytes on the local disk: `<dir>/sha256/ab/cd/<sha256>`, written to `<dir>/staging` first and moved
 * in by rename (same filesystem, so a stored file is never half-written).
 */
export class LocalDiskFileStorage implements FileStorage {
  private readonly staging: string;

  constructor(private readonly dir: string) {
    this.staging = path.join(dir, 'staging');
  }

  /** Creates the folders; called once at start-up. */
  async init(): Promise<void> {
    await fs.promises.mkdir(this.staging, { recursive: true });
    await fs.promises.mkdir(path.join(this.dir, 'sha256'), { recursive: true });
  }

  async stage(source: Readable, maxBytes: number): Promise<StagedBlob> {
    await fs.promises.mkdir(this.staging, { recursive: true });
    const file = path.join(this.staging, randomUUID());
    const meter = new Meter(maxBytes);
    try {
      await pipeline(source, meter, fs.createWriteStream(file, { flags: 'wx', mode: 0o640 }));
    } catch (error) {
      await fs.promises.rm(file, { force: true });
      throw error;
    }
    return { sha256: meter.digest(), size: meter.size, head: meter.head(), path: file };
  }

  async put(staged: StagedBlob): Promise<void> {
    const target = this.pathOf(staged.sha256);
    await fs.promises.mkdir(path.dirname(target), { recursive: true });
    if (await exists(target)) {
      // Same bytes already kept: content addressing stores them once.
      await fs.promises.rm(staged.path, { force: true });
      return;
    }
    await fs.promises.rename(staged.path, target);
  }

  async discard(staged: StagedBlob): Promise<void> {
    await fs.promises.rm(staged.path, { force: true });
  }

  async get(sha256: string): Promise<Readable | null> {
    if (!SHA256.test(sha256)) return null;
    try {
      const handle = await fs.promises.open(this.pathOf(sha256), 'r');
      return handle.createReadStream();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async stat(sha256: string): Promise<{ size: number } | null> {
    if (!SHA256.test(sha256)) return null;
    try {
      return { size: (await fs.promises.stat(this.pathOf(sha256))).size };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async remove(sha256: string): Promise<void> {
    if (!SHA256.test(sha256)) return;
    await fs.promises.rm(this.pathOf(sha256), { force: true });
  }

  private pathOf(sha256: string): string {
    return path.join(this.dir, 'sha256', sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await fs.promises.access(file);
    return true;
  } catch {
    return false;
  }
}

/** Passes bytes through while hashing, counting, keeping the head, and stopping past the limit. */
class Meter extends Transform {
  size = 0;
  private readonly hash = createHash('sha256');
  private readonly chunks: Buffer[] = [];
  private headLength = 0;

  constructor(private readonly maxBytes: number) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.size += chunk.length;
    if (this.size > this.maxBytes) {
      done(fileTooLarge(this.maxBytes));
      return;
    }
    this.hash.update(chunk);
    if (this.headLength < HEAD_BYTES) {
      this.chunks.push(chunk.subarray(0, HEAD_BYTES - this.headLength));
      this.headLength += Math.min(chunk.length, HEAD_BYTES - this.headLength);
    }
    done(null, chunk);
  }

  digest(): string {
    return this.hash.digest('hex');
  }

  head(): Buffer {
    return Buffer.concat(this.chunks);
  }
}
