// Benchmark: how fast and how lean the importer reads a large roadmap table, and how well it
// understands roadmaps it was not shaped on (the corpus score beside the speed).
// Run: npm run bench:import. Prints figures and exits non-zero when a target is missed.
import { parseRoadmap } from '@orientir/roadmap-import';
import {
  formatScoreTable,
  meetsTargets,
  ratesOf,
  scoreCorpus,
  sumCounts,
} from '../fixtures/roadmaps/corpus/corpus.scorer';

const PERIODS = [
  'Май',
  'Май, Июнь',
  'Сентябрь /Октябрь',
  'Март-декабрь',
  'март – апрель 2023г.',
  '31.05.2023г.',
  'с 17.10 по 20.10.2023г.',
  'I квартал 2023 года',
  'В течение года',
  '1 раз в месяц',
  'По графику',
];
const INDICATORS = [
  'Не менее 5 методических десантов',
  'Не менее одного нормативно-правового акта',
  'В 100% участников ШНОР',
  'Справка по итогам проверки',
  'Не менее двух консультационных встреч в месяц (план работы)',
  'Повышение мотивации обучающихся',
];
const EXECUTORS = ['ДО г. Иркутска, МКУ «ИМЦРО»', 'Управленческие команды ШНОР', 'Кураторы ШНОР; МКУ «ИМЦРО»'];
const TITLES = [
  'Проведение самодиагностики на основе рискового профиля',
  'Экспертиза концептуальных документов ШНОР',
  'Мониторинг реализации антирисковых программ',
  'Методический десант в школу',
  'Совещание руководителей ОО',
];

/** Targets for a 2-core machine: rows per second and resident memory. */
const TARGETS = { minRowsPerSecond: 500, maxRssMb: 600 };

function csvOf(rows: number): string {
  const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
  const lines = ['№;Мероприятие;Сроки реализации;Исполнители;Показатель реализации'];
  for (let i = 1; i <= rows; i += 1) {
    lines.push(
      [
        String(i),
        `${TITLES[i % TITLES.length]} (${i})`,
        PERIODS[i % PERIODS.length],
        EXECUTORS[i % EXECUTORS.length],
        INDICATORS[i % INDICATORS.length],
      ]
        .map(quote)
        .join(';'),
    );
  }
  return `Дорожная карта сопровождения ШНОР на 2023 год\n${lines.join('\n')}\n`;
}

async function main(): Promise<void> {
  let failed = false;
  for (const rows of [200, 2_000, 10_000]) {
    const bytes = Buffer.from(csvOf(rows), 'utf8');
    const started = process.hrtime.bigint();
    const roadmap = await parseRoadmap({ fileName: 'bench.csv', bytes }, { year: 2023, timezone: 'Asia/Irkutsk' });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const rssMb = process.memoryUsage().rss / (1024 * 1024);
    const rate = rows / seconds;
    const ok = roadmap.events.length === rows && rate >= TARGETS.minRowsPerSecond && rssMb <= TARGETS.maxRssMb;
    failed ||= !ok;
    process.stdout.write(
      `${ok ? 'ok  ' : 'MISS'} ${String(rows).padStart(6)} rows (${(bytes.length / 1024).toFixed(0)} KiB): ${seconds.toFixed(2)} s, ${rate.toFixed(0)} rows/s, rss ${rssMb.toFixed(0)} MiB, events ${roadmap.events.length}, warnings ${roadmap.warnings.length}\n`,
    );
  }
  process.stdout.write(`targets: >= ${TARGETS.minRowsPerSecond} rows/s, rss <= ${TARGETS.maxRssMb} MiB\n`);

  const started = process.hrtime.bigint();
  const scores = await scoreCorpus(parseRoadmap);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  process.stdout.write(
    `\ncorpus score (${scores.length} documents read in ${seconds.toFixed(2)} s, ${((seconds * 1000) / scores.length).toFixed(0)} ms each):\n`,
  );
  process.stdout.write(`${formatScoreTable(scores)}\n`);
  failed ||= !meetsTargets(ratesOf(sumCounts(scores)));
  process.exitCode = failed ? 1 : 0;
}

void main();
