import { Injectable } from '@nestjs/common';
import { fileNotFound, FilesService, type StoredFile } from '@orientir/files';
import { hiddenOutOfScope } from '../auth/auth.exception';
import type { Actor } from '../auth/principal.model';

/** May this caller read files of this owner? Each owner kind (school documents, event evidence, …) says. */
export type FileOwnerReadCheck = (ownerId: string, actor: Actor) => Promise<boolean>;

/**
 * Downloads are checked against the file's owner: the module that owns a kind registers its check
 * (onModuleInit), so `GET /api/files/:id` serves every kind without knowing its rules.
 */
@Injectable()
export class FileAccessService {
  private readonly checks = new Map<string, FileOwnerReadCheck>();

  constructor(private readonly files: FilesService) {}

  register(ownerKind: string, check: FileOwnerReadCheck): void {
    if (this.checks.has(ownerKind)) throw new Error(`File owner kind "${ownerKind}" is registered twice`);
    this.checks.set(ownerKind, check);
  }

  /** The file's metadata if the caller may read it; outside the caller's scope it does not exist (404). */
  async readable(id: string, actor: Actor): Promise<StoredFile> {
    const file = await this.files.describe(id);
    const check = this.checks.get(file.ownerKind);
    if (!check || !(await check(file.ownerId, actor))) throw hiddenOutOfScope(fileNotFound(id));
    return file;
  }
}
