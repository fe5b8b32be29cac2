// What callers pass to the importer.

export type RoadmapInput = { fileName: string; bytes: Buffer } | { text: string; fileName?: string };

export interface RoadmapImportOptions {
  /** Calendar year for months without one; by default taken from the document, else the current year. */
  year?: number;
  /** IANA time zone of the cycle; Asia/Irkutsk unless told. */
  timezone?: string;
  /** Called as table rows are processed: (rows done, rows in all). */
  onProgress?: (done: number, total: number) => void;
  /** Files above this size are refused before they are read. */
  maxFileSizeBytes?: number;
  /** "Today", for the year fallback; tests pin it. */
  now?: Date;
}

export const DEFAULT_TIMEZONE = 'Asia/Irkutsk';
export const DEFAULT_MAX_FILE_SIZE_BYTES = 20 * 1024 * 1024;
