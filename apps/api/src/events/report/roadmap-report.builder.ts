// «Отчет о реализации дорожной карты»: the rows the departments send up, written from the evidence.
// Pure: the DOCX and XLSX writers and the benchmark take the same rows.
import {
  EVENT_STATUS_TITLES_RU,
  rangeLabel,
  russianDate,
  targetFromIndicator,
  type EventStatusCode,
  type RoadmapIndicator,
  type RoadmapPeriod,
} from '@orientir/domain';
import type { OccurrenceProgressRecord } from '@orientir/contracts';

export interface ReportEventInput {
  id: string;
  number: string;
  title: string;
  section: string | null;
  period: RoadmapPeriod | null;
  opensAt: Date;
  deadline: Date;
  executors: string[];
  indicator: RoadmapIndicator | null;
  reportForm: string | null;
  status: EventStatusCode;
  occurrences: OccurrenceProgressRecord[];
  /** Schools a coverage counts. */
  participants: number;
  /** A text indicator's verdicts by the coordinator, in the order given (the last per occurrence counts). */
  verdicts: VerdictRecord[];
}

export interface VerdictRecord {
  occurrenceIndex: number;
  met: boolean;
  comment: string;
}

export interface ReportEvidenceInput {
  eventId: string;
  occurrenceIndex: number;
  heldOn: string | null;
  recordedAt: Date;
  count: number | null;
  schoolIds: string[];
  fileNames: string[];
  link: string | null;
  comment: string | null;
}

export interface RoadmapReportInput {
  cycleTitle: string;
  timezone: string;
  /** The reported period, local dates; null: the whole cycle. */
  from: string | null;
  to: string | null;
  events: ReportEventInput[];
  evidence: ReportEvidenceInput[];
}

export interface RoadmapReportRow {
  number: string;
  section: string | null;
  title: string;
  period: string;
  executors: string;
  indicator: string;
  execution: string;
}

export interface RoadmapReport {
  title: string;
  subtitle: string;
  rows: RoadmapReportRow[];
}

export const REPORT_TITLE = 'Отчет о реализации дорожной карты';
export const REPORT_COLUMNS = [
  '№',
  'Мероприятие',
  'Сроки',
  'Исполнители',
  'Показатель реализации',
  'Информация об исполнении',
] as const;

const ddmmyyyy = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

export function buildRoadmapReport(input: RoadmapReportInput): RoadmapReport {
  const fromMs = input.from ? Date.parse(`${input.from}T00:00:00Z`) - 14 * 3600_000 : -Infinity;
  const toMs = input.to ? Date.parse(`${input.to}T23:59:59Z`) + 14 * 3600_000 : Infinity;
  const byEvent = new Map<string, ReportEvidenceInput[]>();
  for (const e of input.evidence) byEvent.set(e.eventId, [...(byEvent.get(e.eventId) ?? []), e]);
  const rows = input.events
    .filter((e) => e.deadline.getTime() >= fromMs && e.opensAt.getTime() <= toMs)
    .map((event) => ({
      number: event.number,
      section: event.section,
      title: event.title,
      period: event.period?.text || rangeLabel(event.opensAt, event.deadline, input.timezone),
      executors: event.executors.join(', '),
      indicator: event.indicator?.text ?? 'Не менее одного подтверждения исполнения',
      execution: executionText(event, byEvent.get(event.id) ?? [], fromMs, toMs),
    }));
  const span =
    input.from || input.to
      ? `за период ${input.from ? `с ${ddmmyyyy(input.from)}` : ''}${input.to ? ` по ${ddmmyyyy(input.to)}` : ''}`.trim()
      : 'за весь цикл';
  return { title: REPORT_TITLE, subtitle: `${input.cycleTitle}, ${span}`, rows };
}

/** «Информация об исполнении»: dates held, counts, coverage, documents, and what is missing, plainly. */
function executionText(event: ReportEventInput, evidence: ReportEvidenceInput[], fromMs: number, toMs: number): string {
  const target = targetFromIndicator(event.indicator, event.reportForm);
  const parts: string[] = [];
  const occurrences = event.occurrences.filter(
    (o) => o.status !== 'skipped' && Date.parse(o.deadline) >= fromMs && Date.parse(o.opensAt) <= toMs,
  );
  const several = occurrences.length > 1;
  for (const o of occurrences) {
    const own = evidence.filter((e) => e.occurrenceIndex === o.index);
    const lines: string[] = [];
    const dates = [...new Set(own.map((e) => e.heldOn).filter((d): d is string => !!d))].sort().map(ddmmyyyy);
    if (dates.length) lines.push(`проведено ${dates.join(', ')}`);
    const status = EVENT_STATUS_TITLES_RU[o.status as EventStatusCode] ?? o.status;
    switch (target.kind) {
      case 'count': {
        const done = own.reduce((s, e) => s + (e.count ?? 1), 0);
        lines.push(`количество: ${done} из ${target.min}`);
        if (done < target.min) lines.push(`не хватает ${target.min - done}`);
        break;
      }
      case 'coverage': {
        const covered = o.coveredSchools;
        lines.push(`охват: ${covered} из ${event.participants} школ (${o.achieved}%, требуется ${target.min}%)`);
        if (o.achieved < target.min) lines.push(`не охвачено школ: ${Math.max(0, event.participants - covered)}`);
        break;
      }
      case 'document':
        break;
      case 'text': {
        const verdict = event.verdicts.filter((v) => v.occurrenceIndex === o.index).at(-1);
        if (verdict) {
          const said = verdict.met ? 'выполнено' : 'не выполнено';
          lines.push(`координатор отметил: ${said}${verdict.comment ? ` (${verdict.comment})` : ''}`);
        } else lines.push('выполнение не подтверждено координатором');
        break;
      }
    }
    const documents = own.flatMap((e) => e.fileNames);
    if (documents.length) lines.push(`документы: ${documents.join(', ')}`);
    else if (target.kind === 'document' || target.document) {
      lines.push(`не приложен документ${target.document ? `: ${target.document}` : ''}`);
    }
    const links = own.map((e) => e.link).filter((l): l is string => !!l);
    if (links.length) lines.push(`ссылки: ${links.join(', ')}`);
    const comments = own.map((e) => e.comment?.trim()).filter((c): c is string => !!c);
    if (comments.length) lines.push(comments.join('; '));
    if (!own.length) lines.push('отчетов об исполнении нет');
    parts.push(`${several ? `${o.label}: ` : ''}${status}; ${lines.join('; ')}.`);
  }
  if (!occurrences.length) {
    parts.push(
      event.status === 'awaiting_schedule'
        ? 'Ожидает графика: даты не назначены.'
        : `${EVENT_STATUS_TITLES_RU[event.status]}; в отчетном периоде сроков нет.`,
    );
  }
  if (several) parts.push(`Итого: ${EVENT_STATUS_TITLES_RU[event.status]}.`);
  return parts.join('\n');
}

export function reportFileName(cycleTitle: string, extension: 'docx' | 'xlsx', at: Date, timeZone: string): string {
  const safe = cycleTitle
    .replace(/[\\/:*?"<>|]+/g, ' ')
    .slice(0, 80)
    .trim();
  return `Отчет о реализации дорожной карты — ${safe} — ${russianDate(at, timeZone)}.${extension}`;
}
