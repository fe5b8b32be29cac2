/** The kinds of file Orientir accepts somewhere; each upload purpose allows a subset (a FilePolicy). */
export const FILE_KINDS = {
  pdf: { mime: 'application/pdf', label: 'PDF', extension: 'pdf' },
  docx: {
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    label: 'DOCX',
    extension: 'docx',
  },
  xlsx: { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', label: 'XLSX', extension: 'xlsx' },
  odt: { mime: 'application/vnd.oasis.opendocument.text', label: 'ODT', extension: 'odt' },
  png: { mime: 'image/png', label: 'PNG', extension: 'png' },
  jpeg: { mime: 'image/jpeg', label: 'JPEG', extension: 'jpg' },
} as const;

export type FileKind = keyof typeof FILE_KINDS;

/** What one purpose accepts: the kinds and the size limit. */
export interface FilePolicy {
  allowed: readonly FileKind[];
  maxBytes: number;
}

const MB = 1024 * 1024;

/** A school's concept documents (issue 11): PDF, DOCX, XLSX or ODT, up to 20 MB. */
export const DOCUMENT_FILE_POLICY: FilePolicy = { allowed: ['pdf', 'docx', 'xlsx', 'odt'], maxBytes: 20 * MB };

export function describeAllowed(policy: FilePolicy): string {
  return policy.allowed.map((kind) => FILE_KINDS[kind].label).join(', ');
}
