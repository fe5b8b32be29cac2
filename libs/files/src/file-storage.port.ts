import type { Readable } from 'node:stream';

/** Bytes received and hashed but not yet kept: the caller checks them, then puts or discards them. */
export interface StagedBlob {
  sha256: string;
  size: number;
  /** The first bytes, for content-type detection. */
  head: Buffer;
  /** A local file holding the bytes (zip containers are inspected from it). */
  path: string;
}

/**
 * Where file bytes live, addressed by their sha256 so the same bytes are kept once. The default is
 * the local disk under the data folder; another store (S3, …) implements the same six calls.
 */
export interface FileStorage {
  /** Streams `source` into staging, hashing and counting; fails with FILE_TOO_LARGE past `maxBytes`. */
  stage(source: Readable, maxBytes: number): Promise<StagedBlob>;
  /** Keeps the staged bytes under their sha256 (once) and removes the staging copy. */
  put(staged: StagedBlob): Promise<void>;
  /** Drops staged bytes that were refused. */
  discard(staged: StagedBlob): Promise<void>;
  /** The stored bytes, or null when nothing is stored under this sha256. */
  get(sha256: string): Promise<Readable | null>;
  stat(sha256: string): Promise<{ size: number } | null>;
  /** Drops the bytes kept under this sha256 (nothing if none): only once no upload refers to them. */
  remove(sha256: string): Promise<void>;
}

export const FILE_STORAGE = Symbol('FILE_STORAGE');
