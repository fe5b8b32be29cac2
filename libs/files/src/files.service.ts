import { Inject, Injectable } from '@nestjs/common';
import type { Readable } from 'node:stream';
import { StoredFileStore, type StoredFileEntity } from '@orientir/persistence';
import { detectContentType } from './content-type.util';
import { FILE_KINDS, describeAllowed, type FilePolicy } from './file-kinds';
import { FILE_STORAGE, type FileStorage, type StagedBlob } from './file-storage.port';
import { FileErrorCode, FileException, fileNotFound } from './files.exception';

/** Who sent a file, and whose it is: the owner decides who may download it. */
export interface FileUpload {
  /** E.g. `school` (a cycle school's documents) or an event evidence kind; each owner kind has its own scope check. */
  ownerKind: string;
  ownerId: string;
  purpose?: string | null;
  /** As the client named it; only the last path segment is kept. */
  originalName: string;
  uploadedBy: string | null;
  /** Staged until then: forgotten unless what it was sent for commits it first (an evidence record). */
  stagedUntil?: Date;
}

export type StoredFile = StoredFileEntity;

/**
 * Uploads and downloads: bytes staged while streaming (never held in memory), the type detected from
 * them and checked against the purpose's policy, kept once per sha256, described by a metadata row.
 * Scope checks are the caller's: this service knows owners, not people.
 */
@Injectable()
export class FilesService {
  constructor(
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    private readonly metadata: StoredFileStore,
  ) {}

  stage(source: Readable, policy: FilePolicy): Promise<StagedBlob> {
    return this.storage.stage(source, policy.maxBytes);
  }

  discard(staged: StagedBlob): Promise<void> {
    return this.storage.discard(staged);
  }

  /** Checks the staged bytes against the policy, keeps them and records the upload; refused bytes are dropped. */
  async accept(staged: StagedBlob, upload: FileUpload, policy: FilePolicy): Promise<StoredFile> {
    const name = cleanFileName(upload.originalName);
    try {
      if (staged.size === 0) {
        throw new FileException(FileErrorCode.EMPTY_UPLOAD, `Файл «${name}» пустой`, [`file: 0 байт`]);
      }
      const detected = await detectContentType(staged.head, staged.path);
      if (!detected.kind || !policy.allowed.includes(detected.kind)) {
        throw new FileException(
          FileErrorCode.UNSUPPORTED_FILE_TYPE,
          `Файл «${name}» — ${detected.label}; допустимы: ${describeAllowed(policy)}`,
          [`file: определён тип ${detected.mime}`],
        );
      }
      return await this.metadata.insertWithBytes(
        {
          sha256: staged.sha256,
          size: staged.size,
          contentType: FILE_KINDS[detected.kind].mime,
          originalName: name,
          uploadedBy: upload.uploadedBy,
          ownerKind: upload.ownerKind,
          ownerId: upload.ownerId,
          purpose: upload.purpose ?? null,
          ...(upload.stagedUntil ? { state: 'staged' as const, expiresAt: upload.stagedUntil } : {}),
        },
        () => this.storage.put(staged),
      );
    } finally {
      // After put() the staging copy is gone already; after a refusal it must not linger.
      await this.storage.discard(staged);
    }
  }

  /** Forgets staged uploads past their expiry, and their bytes unless another upload has the same ones. */
  sweepExpiredStaged(now: Date): Promise<number> {
    return this.metadata.sweepExpiredStaged(now, (sha256) => this.storage.remove(sha256));
  }

  /** Stage and accept in one: for callers that hold a stream rather than an HTTP upload. */
  async store(source: Readable, upload: FileUpload, policy: FilePolicy): Promise<StoredFile> {
    return this.accept(await this.stage(source, policy), upload, policy);
  }

  async describe(id: string): Promise<StoredFile> {
    const file = await this.metadata.find(id);
    if (!file) throw fileNotFound(id);
    return file;
  }

  /** The bytes of an upload whose metadata the caller already holds (and checked the scope of). */
  async content(file: StoredFile): Promise<Readable> {
    const content = await this.storage.get(file.sha256);
    if (!content) throw fileNotFound(file.id);
    return content;
  }

  /** The ids among `ids` that are not uploads of this owner (empty: all are). */
  async notOwnedBy(ids: string[], ownerKind: string, ownerId: string): Promise<string[]> {
    const found = await this.metadata.findMany([...new Set(ids)]);
    const owned = new Set(found.filter((f) => f.ownerKind === ownerKind && f.ownerId === ownerId).map((f) => f.id));
    return ids.filter((id) => !owned.has(id));
  }

  listByOwner(ownerKind: string, ownerId: string, purpose?: string): Promise<StoredFile[]> {
    return this.metadata.listByOwner(ownerKind, ownerId, purpose);
  }
}

/** The last segment of what the client sent, without control characters, at most 255 characters. */
export function cleanFileName(raw: string): string {
  // eslint-disable-next-line no-control-regex
  const base = (raw.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim();
  if (!base) return 'файл';
  if (base.length <= 255) return base;
  const dot = base.lastIndexOf('.');
  const ext = dot > 0 && base.length - dot <= 10 ? base.slice(dot) : '';
  return base.slice(0, 255 - ext.length) + ext;
}
