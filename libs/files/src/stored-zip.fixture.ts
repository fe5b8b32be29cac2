// Test fixture: a ZIP of stored (uncompressed) entries, enough to fake ODF and OOXML containers.
import { strToU8, zipSync } from 'fflate';

export function storedZip(entries: [name: string, content: string][]): Buffer {
  // level 0: stored entries, as the ODF mimetype entry must be.
  return Buffer.from(
    zipSync(Object.fromEntries(entries.map(([name, content]) => [name, strToU8(content)])), { level: 0 }),
  );
}

export const contentTypesXml = (mainPart: string, partName = '/word/document.xml') =>
  `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
  `<Default Extension="xml" ContentType="application/xml"/><Override PartName="${partName}" ContentType="${mainPart}"/></Types>`;
