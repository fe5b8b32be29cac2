import { readFileSync } from 'node:fs';
import { readRawDocument } from '@orientir/roadmap-import';
void (async () => {
  const file = process.argv[2];
  const doc = await readRawDocument({ fileName: file, bytes: readFileSync(file) });
  console.log('PREAMBLE', doc.preamble);
  doc.tables.forEach((t, i) => { console.log('TABLE', i, t.name); for (const r of t.rows) console.log(' ', r.rowNumber, r.merged ? 'M' : ' ', JSON.stringify(r.cells)); });
  console.log('TRAILER', doc.trailer, 'NOTES', doc.notes);
})();
