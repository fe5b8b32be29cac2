/**
 * How the school-year routes check that a file id names an uploaded file the school may attach.
 * libs/files (file storage, being built beside this) provides the real adapter; until it is bound,
 * UncheckedSchoolFiles accepts every well-formed id, and the workflow stores the ids as given.
 */
export interface SchoolFilesPort {
  /** The ids among `fileIds` that are not files of this school (empty: all exist). */
  missing(fileIds: string[], school: { schoolId: string; directorySchoolId: string | null }): Promise<string[]>;
}

export const SCHOOL_FILES = Symbol('SCHOOL_FILES');

export class UncheckedSchoolFiles implements SchoolFilesPort {
  async missing(): Promise<string[]> {
    return [];
  }
}
