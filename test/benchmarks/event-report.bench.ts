// Benchmark: «Отчет о реализации дорожной карты» for 60 events and 3,000 schools, as DOCX and XLSX.
// Target: each under 5 s (issue 12). Measures the report as the API builds it from the rows it read
// (the two PostgreSQL reads are indexed selects, timed apart in docs/performance.md).
// Run: npm run bench:report. Prints figures and exits non-zero when a target is missed.
import { parseIndicator, parsePeriod, planOccurrences } from '@orientir/domain';
import {
  buildRoadmapReport,
  type ReportEvidenceInput,
  type ReportEventInput,
} from '../../apps/api/src/events/report/roadmap-report.builder';
import { writeReportDocx, writeReportXlsx } from '../../apps/api/src/events/report/roadmap-report.writers';

const TZ = 'Asia/Irkutsk';
const EVENTS = 60;
const SCHOOLS = 3000;
const TARGET_MS = 5000;
const PERIODS = ['Май', 'Сентябрь, Декабрь', 'Март-декабрь', 'В течение года', '1 раз в месяц', 'I квартал 2023 года'];
const INDICATORS = [
  'Не менее 5 методических десантов',
  'Не менее двух консультационных встреч в месяц',
  'В 100% участников ШНОР',
  'Справка по итогам проверки',
];

function fixture(): { events: ReportEventInput[]; evidence: ReportEvidenceInput[] } {
  const schoolIds = Array.from({ length: SCHOOLS }, (_, i) => `school-${i}`);
  const events: ReportEventInput[] = [];
  const evidence: ReportEvidenceInput[] = [];
  for (let i = 0; i < EVENTS; i += 1) {
    const period = parsePeriod(PERIODS[i % PERIODS.length], { year: 2023 }).period;
    const indicator = parseIndicator(INDICATORS[i % INDICATORS.length]);
    const plan = planOccurrences(period, indicator, TZ);
    const id = `event-${i}`;
    events.push({
      id,
      number: String(i + 1),
      title: `Мероприятие ${i + 1}: организация и проведение методических мероприятий для управленческих команд ШНОР`,
      section: i < 30 ? 'Организационные мероприятия' : 'Научно-методическое сопровождение',
      period,
      opensAt: new Date(plan.occurrences[0].opensAt),
      deadline: new Date(plan.occurrences.at(-1)!.deadline),
      executors: ['ДО г. Иркутска', 'МКУ «ИМЦРО»'],
      indicator,
      reportForm: i % 4 === 3 ? 'Справка' : null,
      status: 'open',
      participants: SCHOOLS,
      verdicts: [],
      occurrences: plan.occurrences.map((o) => ({
        index: o.index,
        label: o.label,
        opensAt: new Date(o.opensAt).toISOString(),
        deadline: new Date(o.deadline).toISOString(),
        status: 'met',
        achieved: 80,
        target: 100,
        coveredSchools: 2400,
        evidenceCount: 25,
      })),
    });
    // 25 records per occurrence, each naming 100 schools (coverage events reach every school over the year).
    for (const o of plan.occurrences) {
      for (let k = 0; k < 25; k += 1) {
        evidence.push({
          eventId: id,
          occurrenceIndex: o.index,
          heldOn: new Date(o.opensAt + k * 3600_000 * 20).toISOString().slice(0, 10),
          recordedAt: new Date(o.opensAt),
          count: 1 + (k % 3),
          schoolIds: schoolIds.slice((k * 100) % SCHOOLS, ((k * 100) % SCHOOLS) + 100),
          fileNames: k % 5 === 0 ? [`Протокол № ${k}.pdf`] : [],
          link: k % 7 === 0 ? `https://example.ru/news/${i}-${k}` : null,
          comment: k % 3 === 0 ? 'Проведено по плану' : null,
        });
      }
    }
  }
  return { events, evidence };
}

async function main(): Promise<void> {
  const { events, evidence } = fixture();
  const input = { cycleTitle: 'Дорожная карта 2023', timezone: TZ, from: null, to: null, events, evidence };
  let failed = false;
  for (const [format, write] of [
    ['DOCX', writeReportDocx],
    ['XLSX', writeReportXlsx],
  ] as const) {
    const started = performance.now();
    const report = buildRoadmapReport(input);
    const built = performance.now();
    const bytes = await write(report);
    const ms = performance.now() - started;
    failed ||= ms > TARGET_MS;
    process.stdout.write(
      `${format}: ${EVENTS} events, ${SCHOOLS} schools, ${evidence.length} evidence rows → ${report.rows.length} rows, ` +
        `${(bytes.length / 1024).toFixed(0)} KiB in ${ms.toFixed(0)} ms (rows ${(built - started).toFixed(0)} ms; target < ${TARGET_MS} ms) ${ms > TARGET_MS ? 'MISSED' : 'ok'}\n`,
    );
  }
  process.exit(failed ? 1 : 0);
}

void main();
