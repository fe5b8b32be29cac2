// Reads a roadmap table whose column boundaries were lost: text copied from a PDF or a scan, where
// a row is a run of lines starting with its number and the cells flow into each other
// ("... по сопровождению ШНОР Апрель 2023 Отдел образования ... Сбор информации ...").
// The row is cut by what its parts say: the period phrase separates the event from the rest; the
// first word after the executors that is not part of an organisation's or a person's title opens
// the indicator. Column order comes from the header, which must be present.

import { EventColumn } from '../table/header.matcher';
import { emptyDocument, RawDocument, RawNote, RawRow } from './raw-table.model';
import { findPeriodPhrase } from './period-phrase.util';
import { collapse, paragraphs, TextLine } from './text-lines.util';

const HEADER_WORDS: { column: EventColumn; pattern: RegExp }[] = [
  { column: 'number', pattern: /№|(?<!\p{L})п\/п(?!\p{L})/u },
  { column: 'title', pattern: /(?<!\p{L})(событи|наименовани|мероприяти|содержани|описание действи)/iu },
  { column: 'period', pattern: /(?<!\p{L})(срок|дата (реализац|проведен|исполнен))/iu },
  { column: 'executors', pattern: /(?<!\p{L})(исполнител|ответственн)/iu },
  { column: 'indicator', pattern: /(?<!\p{L})(показател|ожидаем|результат|индикатор)/iu },
  { column: 'reportForm', pattern: /(?<!\p{L})форм\p{L}* отчет/iu },
  { column: 'executionNote', pattern: /(?<!\p{L})(информаци\p{L}* об исполнени|отметк\p{L}* об исполнени)/iu },
];

export const FLOWING_HEADER_NAMES: Record<EventColumn, string> = {
  number: '№',
  title: 'Мероприятие',
  period: 'Сроки',
  executors: 'Исполнители',
  indicator: 'Показатель реализации',
  reportForm: 'Форма отчета',
  executionNote: 'Информация об исполнении',
};

// Words that begin or continue the name of a body or a person in an "Исполнители" cell.
// A capitalised word that is none of these, met after the executors, opens the indicator.
const EXECUTOR_STEMS =
  /^(отдел|управлени|управленческ|комитет|департамент|министерств|администрац|муниципальн|региональн|районн|городск|школьн|методическ|служб|координатор|куратор|руководител|заместител|зам\.|директор|педагог|учител|специалист|команд|школ|образовательн|общеобразовательн|центр|институт|рабоч|эксперт|тьютор|наставник|классн|психолог|социальн|ответственн|сотрудник|член|орган(?:ы|ов|ам)?(?!\p{L})|совет|библиотек|начальник|главн|ведущ|председател|администратор|родител)/iu;

interface Block {
  lines: TextLine[];
}

interface RowText {
  number: string;
  line: number;
  blocks: Block[];
}

interface HeaderLocation {
  columns: EventColumn[];
  firstLine: number;
  lastLine: number;
}

export function readFlowingText(lines: TextLine[]): RawDocument {
  const document = emptyDocument();
  const header = locateHeader(lines);
  if (!header) {
    document.preamble = paragraphs(lines);
    return document;
  }
  document.preamble = paragraphs(lines.filter((line) => line.number < header.firstLine));
  const body = lines.filter((line) => line.number > header.lastLine);
  const { rows, lead } = splitRows(body, document.notes);
  const tableRows: RawRow[] = [
    { rowNumber: String(header.firstLine), cells: header.columns.map((column) => FLOWING_HEADER_NAMES[column]) },
  ];
  pushSections(tableRows, toBlocks(lead), document.notes);
  rows.forEach((row, index) => {
    const isLast = index === rows.length - 1;
    const { cells, tail } = cutRow(row, header.columns);
    tableRows.push({ rowNumber: String(row.line), cells });
    if (isLast) document.trailer.push(...tail.map((block) => collapse(blockText(block))));
    else pushSections(tableRows, tail, document.notes);
  });
  document.tables.push({ rows: tableRows });
  return document;
}

/** A line, or a few running lines (one per cell in some copies), naming the event, its period and one more column. */
function locateHeader(lines: TextLine[]): HeaderLocation | null {
  for (let index = 0; index < lines.length; index += 1) {
    if (lines[index].text.trim() === '') continue;
    // A header broken over lines ("№ Событие Сроки" / "реализации Исполнители Показатель"):
    // the window that names the most columns wins.
    let best: HeaderLocation | null = null;
    for (let span = 1; span <= 7 && index + span <= lines.length; span += 1) {
      const window = lines.slice(index, index + span);
      if (window.some((line) => line.text.trim() === '')) break;
      const text = window.map((line) => line.text).join(' ');
      if (text.length > 300) break;
      const columns = headerColumns(text);
      if (columns && (best === null || columns.length > best.columns.length)) {
        best = { columns, firstLine: window[0].number, lastLine: window[window.length - 1].number };
      }
    }
    if (best) return best;
  }
  return null;
}

function headerColumns(text: string): EventColumn[] | null {
  const found = HEADER_WORDS.map(({ column, pattern }) => ({ column, at: text.search(pattern) })).filter(
    ({ at }) => at >= 0,
  );
  const names = new Set(found.map(({ column }) => column));
  if (!names.has('title') || !names.has('period') || found.length < 3) return null;
  // Header words stand close together; a sentence that happens to contain them does not.
  const words = text.trim().split(/\s+/).length;
  if (words > found.length * 3 + 2) return null;
  return found.sort((a, b) => a.at - b.at).map(({ column }) => column);
}

const ROW_START = /^\s*(\d{1,3})(?:\.(?!\d))?(?=\s|$)/;

/** Rows begin with the next number in order; a lone unreadable mark where a number must be is one. */
function splitRows(body: TextLine[], notes: RawNote[]): { rows: RowText[]; lead: TextLine[] } {
  const starts: { index: number; number: number; strip: number; guessed?: string }[] = [];
  let expected = 1;
  for (let index = 0; index < body.length; index += 1) {
    const text = body[index].text;
    const match = ROW_START.exec(text);
    if (match && Number(match[1]) === expected) {
      starts.push({ index, number: expected, strip: match[0].length });
      expected += 1;
    } else if (isLostNumber(text) && nextNumberFollows(body, index, expected + 1)) {
      starts.push({ index, number: expected, strip: text.length, guessed: text.trim() });
      expected += 1;
    }
  }
  const lead = body.slice(0, starts[0]?.index ?? body.length);
  const rows = starts.map((start, order) => {
    const end = starts[order + 1]?.index ?? body.length;
    const first = body[start.index];
    if (start.guessed !== undefined) {
      notes.push({
        row: String(first.number),
        text: start.guessed,
        message: `Номер строки «${start.guessed}» не распознан; по порядку принят номер ${start.number}`,
      });
    }
    const lines = [{ number: first.number, text: first.text.slice(start.strip) }, ...body.slice(start.index + 1, end)];
    return { number: String(start.number), line: first.number, blocks: toBlocks(lines) };
  });
  return { rows, lead };
}

/** One or two characters alone on a line: a row number the text recognition misread ("И" for 11). */
function isLostNumber(text: string): boolean {
  const trimmed = text.trim();
  return trimmed.length > 0 && trimmed.length <= 2 && !/^\d+$/.test(trimmed) && /^[\p{L}\d]+$/u.test(trimmed);
}

function nextNumberFollows(body: TextLine[], from: number, number: number): boolean {
  return body.slice(from + 1).some((line) => {
    const match = ROW_START.exec(line.text);
    return match !== null && Number(match[1]) === number;
  });
}

function toBlocks(lines: TextLine[]): Block[] {
  const blocks: Block[] = [];
  let current: TextLine[] = [];
  for (const line of lines) {
    if (line.text.trim() === '') {
      if (current.length > 0) blocks.push({ lines: current });
      current = [];
    } else current.push(line);
  }
  if (current.length > 0) blocks.push({ lines: current });
  return blocks;
}

function blockText(block: Block): string {
  return block.lines.map((line) => line.text.trim()).join(' ');
}

/** Section headings between rows: the first paragraph names the section; further text is reported. */
function pushSections(rows: RawRow[], blocks: Block[], notes: RawNote[]): void {
  if (blocks.length === 0) return;
  const [heading, ...rest] = blocks;
  const [firstLine, ...more] = heading.lines;
  rows.push({ rowNumber: String(firstLine.number), cells: [collapse(firstLine.text)], merged: true });
  const extra = [more.map((line) => line.text).join(' '), ...rest.map(blockText)]
    .map(collapse)
    .filter((text) => text !== '');
  if (extra.length > 0) {
    notes.push({
      row: String(firstLine.number),
      text: extra.join(' '),
      message: 'Текст под заголовком раздела не относится ни к одному мероприятию и не импортирован',
    });
  }
}

interface CutRow {
  cells: string[];
  /** Blocks after the row's own text: a section heading for the rows that follow. */
  tail: Block[];
}

function cutRow(row: RowText, columns: EventColumn[]): CutRow {
  const texts = row.blocks.map(blockText);
  const offsets: number[] = [];
  let joined = '';
  for (const text of texts) {
    offsets.push(joined.length === 0 ? 0 : joined.length + 1);
    joined = joined.length === 0 ? text : `${joined} ${text}`;
  }
  const fields: Partial<Record<EventColumn, string>> = { number: row.number };
  const period = findPeriodPhrase(joined, 1);
  let tailFrom = texts.length;
  if (!period) {
    fields.title = joined;
  } else {
    fields.title = joined.slice(0, period.start);
    fields.period = joined.slice(period.start, period.end);
    const rest = joined.slice(period.end);
    const split = indicatorStart(rest);
    const indicatorAt = period.end + split;
    tailFrom = tailBlock(texts, offsets, indicatorAt);
    const restEnd = tailFrom < texts.length ? offsets[tailFrom] : joined.length;
    fields.executors = joined.slice(period.end, Math.min(indicatorAt, restEnd));
    fields.indicator = indicatorAt < restEnd ? joined.slice(indicatorAt, restEnd) : '';
  }
  const cells = columns.map((column) => collapse(fields[column] ?? '').replace(/^[,;]\s*|\s*[,;]$/g, ''));
  return { cells, tail: row.blocks.slice(tailFrom) };
}

/** A paragraph that starts with a capital after the indicator has begun starts the next section. */
function tailBlock(texts: string[], offsets: number[], indicatorAt: number): number {
  for (let index = 0; index < texts.length; index += 1) {
    if (offsets[index] <= indicatorAt) continue;
    if (/^[\p{Lu}]/u.test(texts[index]) && !/^[\p{Lu}\d]{2,}(?![\p{Ll}])/u.test(texts[index])) return index;
  }
  return texts.length;
}

/** Offset in `rest` where the indicator begins; rest.length when it is all executors. */
function indicatorStart(rest: string): number {
  const token = /«[^»]*»?|"[^"]*"?|\S+/gu;
  let previous = '';
  let count = 0;
  for (let match = token.exec(rest); match; match = token.exec(rest)) {
    const word = match[0];
    const following = rest.slice(match.index + word.length).trimStart();
    if (count > 0 && opensIndicator(word, previous, following)) return match.index;
    previous = word;
    count += 1;
  }
  return rest.length;
}

function opensIndicator(word: string, previous: string, following: string): boolean {
  if (/^не$/iu.test(word) && /^(менее|более|реже)/iu.test(following)) return true;
  if (/^\d+([.,]\d+)?\s*%/u.test(word) || (/^\d+([.,]\d+)?$/u.test(word) && following.startsWith('%'))) return true;
  if (/^в$/iu.test(word) && /^\d+\s*%/u.test(following)) return true;
  // A capitalised common word: not an abbreviation (ДО, МКУ), not a name after "г." or "им.".
  if (!/^\p{Lu}\p{Ll}/u.test(word)) return false;
  if (/^(г|им|с|п|пос|р-н|ул|д)\.$/iu.test(previous)) return false;
  return !EXECUTOR_STEMS.test(word);
}
