// Recognises table columns by their Russian headers. Real roadmaps name the same column many ways
// ("Сроки", "Сроки реализации", "Дата реализации"), with line breaks and odd spacing inside,
// so headers are normalised and matched by word stems, never by exact strings.

export type EventColumn = 'number' | 'title' | 'period' | 'executors' | 'indicator' | 'reportForm' | 'executionNote';
export type SchoolColumn =
  'schoolName' | 'shortName' | 'officialCode' | 'director' | 'address' | 'category' | 'municipality' | 'email';
export type PersonColumn = 'fullName' | 'position' | 'email' | 'phone' | 'organisation';
export type CuratorColumn = 'curatorName' | 'position' | 'workplace' | 'email' | 'curatorSchools';

interface StemRule<C extends string> {
  column: C;
  pattern: RegExp;
}

// Order matters: the first rule that matches wins, so the narrower phrases come first
// ("Сроки исполнения" is a period, not an executor; "Форма отчета" is not an indicator).
const EVENT_RULES: StemRule<EventColumn>[] = [
  {
    column: 'executionNote',
    pattern:
      /^(информаци\S* (об|о) (исполнени|выполнени)|отметк\S* (об|о) (исполнени|выполнени)|исполнение$|выполнение$)/,
  },
  { column: 'reportForm', pattern: /^(форм\S* отчет|отчетн\S* (документ|форм)|форм\S* (контрол|представлени))/ },
  { column: 'period', pattern: /^(срок|дат[аы]|период|время (проведени|исполнени|реализаци)|когда)/ },
  { column: 'number', pattern: /^(№|n п\/п|п\/п|номер|no$|n$)/ },
  { column: 'executors', pattern: /^(исполнител|ответственн|соисполнител|кто )/ },
  {
    column: 'indicator',
    pattern: /^(показател|ожидаем|результат|индикатор|целев\S* показател|планируем\S* результат)/,
  },
  {
    column: 'title',
    pattern:
      /^(событи|наименовани\S* мероприяти|мероприяти|описание действи|содержани|наименовани|действи|вид работ|контрольн\S* (точк|событи))/,
  },
];

const EMAIL = /^(e-?mail|email|эл\S* почт|электронн\S*( адрес| почт)?|адрес электронн|почта)/;

const SCHOOL_RULES: StemRule<SchoolColumn>[] = [
  { column: 'email', pattern: EMAIL },
  { column: 'address', pattern: /^(адрес|юридическ\S* адрес|фактическ\S* адрес|местонахождени|место нахождени)/ },
  {
    column: 'shortName',
    pattern: /^(кратк\S* (наименовани|название)|сокращенн\S* (наименовани|название))/,
  },
  {
    column: 'officialCode',
    pattern:
      /^(инн|код( (оо|оу|фис|фиоко|организаци\S*|школ\S*|по фис|в фис))?$|код (фис|фиоко)|фис фрдо|фиоко|идентификатор)/,
  },
  { column: 'director', pattern: /^(директор|руководител|фио (директор|руководител))/ },
  { column: 'category', pattern: /^(категори|статус|тип оо|группа|признак)/ },
  {
    column: 'municipality',
    pattern: /^(муниципалитет|мо$|муниципальн\S* (образовани|район|округ)|район|территори|город|населенн)/,
  },
  {
    column: 'schoolName',
    pattern:
      /^((полн\S* )?наименовани\S*( оо| оу| школ| образовательн| общеобразовательн| организаци)?|школ|оо$|оу$|образовательн\S* организац|общеобразовательн\S* организац|организаци)/,
  },
];

const CURATOR_RULES: StemRule<CuratorColumn>[] = [
  {
    column: 'curatorSchools',
    pattern: /^(закреплен|курируем|подшефн|шнор|сопровождаем|наименовани\S* (оо|шнор|школ))/,
  },
  { column: 'email', pattern: EMAIL },
  { column: 'position', pattern: /^(должност)/ },
  { column: 'workplace', pattern: /^(место работы|организаци|оо куратора|школа куратора)/ },
  { column: 'curatorName', pattern: /^(фио|ф\.и\.о|ф и о|куратор|фамилия)/ },
];

/** Lower case, ё→е, no line breaks or repeated spaces, no trailing punctuation. */
export function normalizeHeader(text: string): string {
  return text
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[\s\u00a0]+/g, ' ')
    .replace(/\s*-\s*/g, '-')
    .replace(/^[\s.:*,()]+|[\s.:*,]+$/g, '')
    .trim();
}

function matchRule<C extends string>(rules: StemRule<C>[], header: string): C | null {
  const normalized = normalizeHeader(header);
  if (normalized === '') return null;
  return rules.find((rule) => rule.pattern.test(normalized))?.column ?? null;
}

export function matchEventColumn(header: string): EventColumn | null {
  return matchRule(EVENT_RULES, header);
}

export function matchSchoolColumn(header: string): SchoolColumn | null {
  return matchRule(SCHOOL_RULES, header);
}

export function matchCuratorColumn(header: string): CuratorColumn | null {
  return matchRule(CURATOR_RULES, header);
}

/** A people table: staff of organisations (ФИО, должность, e-mail, телефон, организация). */
const PERSON_RULES: StemRule<PersonColumn>[] = [
  { column: 'email', pattern: EMAIL },
  { column: 'phone', pattern: /^(телефон|тел$|тел\.|контактн\S* телефон|номер телефон|моб)/ },
  { column: 'position', pattern: /^(должност)/ },
  {
    column: 'organisation',
    pattern: /^(организаци|место работы|наименовани\S* организаци|учреждени|оо$|школа$|ведомств)/,
  },
  { column: 'fullName', pattern: /^(фио|ф\.и\.о|ф и о|фамилия|сотрудник|имя)/ },
];

export function matchPersonColumn(header: string): PersonColumn | null {
  return matchRule(PERSON_RULES, header);
}

export interface ColumnMap<C extends string> {
  /** Column index by role; the first column with a role keeps it. */
  indexOf: Partial<Record<C, number>>;
  /** Headers that name nothing we know: kept as warnings, never an error. */
  unknown: { index: number; header: string }[];
}

export function mapColumns<C extends string>(headers: string[], match: (header: string) => C | null): ColumnMap<C> {
  const indexOf: Partial<Record<C, number>> = {};
  const unknown: { index: number; header: string }[] = [];
  headers.forEach((header, index) => {
    const column = match(header);
    if (column !== null && indexOf[column] === undefined) indexOf[column] = index;
    else if (header.trim() !== '' && (column === null || indexOf[column] !== index))
      unknown.push({ index, header: header.trim() });
  });
  return { indexOf, unknown };
}

/** How convincingly a row is a roadmap table header: the number of distinct roles it names. */
export function eventHeaderScore(cells: string[]): number {
  const { indexOf } = mapColumns(cells, matchEventColumn);
  const roles = Object.keys(indexOf) as EventColumn[];
  const core = roles.filter(
    (role) => role === 'title' || role === 'period' || role === 'executors' || role === 'indicator',
  );
  // A header must at least name the event and one of when/who/what-for.
  return indexOf.title !== undefined && core.length >= 2 ? roles.length : 0;
}
