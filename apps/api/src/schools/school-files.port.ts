import { Injectable } from '@nestjs/common';
import { StoredFileStore } from '@orientir/persistence';
import { SCHOOL_FILE_OWNER } from '../files/school-files.service';

/** How the school-year routes check that a file id names an upload of this school (libs/files metadata). */
export interface SchoolFilesPort {
  /** The ids among `fileIds` that are not files of this school (empty: all exist). */
  missing(fileIds: string[], school: { schoolId: string }): Promise<string[]>;
}

export const SCHOOL_FILES = Symbol('SCHOOL_FILES');

/** Files uploaded through POST /api/cycles/:cycleId/schools/:schoolId/files are owned by the school row. */
@Injectable()
export class StoredSchoolFiles implements SchoolFilesPort {
  constructor(private readonly files: StoredFileStore) {}

  async missing(fileIds: string[], { schoolId }: { schoolId: string }): Promise<string[]> {
    const found = await Promise.all(fileIds.map((id) => this.files.find(id)));
    return fileIds.filter((_, i) => found[i]?.ownerKind !== SCHOOL_FILE_OWNER || found[i]?.ownerId !== schoolId);
  }
}
