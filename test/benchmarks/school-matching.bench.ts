// Benchmark: matching a launch's schools against the municipality's directory schools (the pure
// part of POST /api/directory/school-matches and of a launch's choice check).
// Run: npm run bench:match. Prints figures and exits non-zero when the target is missed.
import { schoolMatcher, type SchoolMatchCandidate } from '@orientir/domain';

const SCHOOLS = 3000;
/** A launch of 3,000 schools answers its matches well within an HTTP request's patience. */
const TARGET_MS = 2000;

const kinds = ['СОШ', 'ООШ', 'Лицей', 'Гимназия', 'Центр образования'];
const candidates: SchoolMatchCandidate[] = Array.from({ length: SCHOOLS }, (_, i) => ({
  id: `s${i}`,
  fullName: `МБОУ г. Иркутска ${kinds[i % kinds.length]} № ${i + 1}`,
  shortName: `${kinds[i % kinds.length]} № ${i + 1}`,
}));
// Next year's spellings: a third as stored, a third reordered (a guess to confirm), a third new.
const names = candidates.map((c, i) =>
  i % 3 === 0
    ? c.fullName
    : i % 3 === 1
      ? `МБОУ ${kinds[i % kinds.length]} № ${i + 1} г. Иркутска`
      : `МКОУ Школа № ${i + 10_000}`,
);

const started = performance.now();
const match = schoolMatcher(candidates);
const found = names.map((n) => match(n));
const elapsed = performance.now() - started;
const count = (kind: string) => found.filter((f) => f.kind === kind).length;
console.log(
  `school matching: ${names.length} names × ${SCHOOLS} directory schools in ${elapsed.toFixed(0)} ms ` +
    `(exact ${count('exact')}, fuzzy ${count('fuzzy')}, none ${count('none')}; target ≤ ${TARGET_MS} ms)`,
);
if (count('exact') !== SCHOOLS / 3 || count('fuzzy') !== SCHOOLS / 3) {
  console.error('unexpected matches');
  process.exit(1);
}
if (elapsed > TARGET_MS) process.exit(1);
