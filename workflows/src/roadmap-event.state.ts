// The event workflow's state and rules in a plain class (entity-workflow style): the workflow function
// only wires handlers and timers to it. Deterministic: no I/O, time comes in as `now`.
import {
  applyPastPolicy,
  evaluateEvent,
  planReminders,
  type EventFacts,
  type EventProgressSummary,
  type EvidenceFact,
  type OccurrenceWindow,
  type TextVerdict,
} from '@orientir/domain/workflow';
import type {
  CloseRequest,
  EventControlRecord,
  EventDefinition,
  EvidenceCorrection,
  EvidenceInput,
  EvidenceRemoval,
  OccurrenceProgressRecord,
  RoadmapEventTrackerSnapshot,
  ScheduleRequest,
  VerdictRequest,
} from '@orientir/contracts';

const DAY_MS = 24 * 60 * 60 * 1000;
/** After the last deadline, late evidence is still taken this long; then unmet occurrences are «не выполнено». */
export const LATE_EVIDENCE_DAYS = 30;
/** Coverage read from the school workflows is refreshed this often while an occurrence is open. */
const COVERAGE_REFRESH_MS = DAY_MS;

export interface DueReminder {
  key: string;
  index: number;
  dueAt: number;
}

export class RoadmapEventTracker {
  private occurrences: OccurrenceWindow[];
  private awaitingSchedule: boolean;
  private readonly evidence = new Map<string, EvidenceFact>();
  private readonly verdicts: TextVerdict[] = [];
  private control: EventControlRecord = {};
  private cancelled = false;
  private closedEarlyAt: number | null = null;
  private pipelineCovered: string[] = [];
  private readonly sent = new Set<string>();
  remindersSent = 0;

  constructor(
    private readonly definition: EventDefinition,
    private readonly launchedAt: number,
    private readonly reminderDaysBefore: readonly number[],
  ) {
    this.occurrences = applyPastPolicy(definition.occurrences, launchedAt, definition.pastPolicy);
    this.awaitingSchedule = definition.awaitingSchedule;
  }

  /** The tracker a continued run goes on with: exactly the state the previous run had. */
  static restore(definition: EventDefinition, s: RoadmapEventTrackerSnapshot): RoadmapEventTracker {
    const tracker = new RoadmapEventTracker(definition, s.launchedAt, s.reminderDaysBefore);
    tracker.occurrences = s.occurrences.map((o) => ({ ...o }));
    tracker.awaitingSchedule = s.awaitingSchedule;
    for (const e of s.evidence) tracker.evidence.set(e.id, { ...e, schoolIds: [...e.schoolIds] });
    tracker.verdicts.push(...s.verdicts.map((v) => ({ ...v })));
    tracker.control = { ...s.control };
    tracker.cancelled = s.cancelled;
    tracker.closedEarlyAt = s.closedEarlyAt;
    tracker.pipelineCovered = [...s.pipelineCovered];
    for (const key of s.sent) tracker.sent.add(key);
    tracker.remindersSent = s.remindersSent;
    return tracker;
  }

  snapshot(): RoadmapEventTrackerSnapshot {
    return {
      launchedAt: this.launchedAt,
      reminderDaysBefore: [...this.reminderDaysBefore],
      occurrences: this.occurrences.map((o) => ({ ...o })),
      awaitingSchedule: this.awaitingSchedule,
      evidence: [...this.evidence.values()].map((e) => ({ ...e, schoolIds: [...e.schoolIds] })),
      verdicts: this.verdicts.map((v) => ({ ...v })),
      control: { ...this.control },
      cancelled: this.cancelled,
      closedEarlyAt: this.closedEarlyAt,
      pipelineCovered: [...this.pipelineCovered],
      sent: [...this.sent],
      remindersSent: this.remindersSent,
    };
  }

  get closed(): boolean {
    return this.cancelled || this.closedEarlyAt !== null;
  }

  /** The event stops: cancelled, closed early, or the late-evidence window after the last deadline has passed. */
  finished(now: number): boolean {
    if (this.closed) return true;
    const end = this.finalizeAt();
    return end !== null && now >= end;
  }

  private finalizeAt(): number | null {
    if (this.awaitingSchedule || this.occurrences.length === 0) return null;
    // Launched late (the coordinator chose «track as late»): the late window counts from the launch.
    return Math.max(this.launchedAt, ...this.occurrences.map((o) => o.deadline)) + LATE_EVIDENCE_DAYS * DAY_MS;
  }

  facts(now: number): EventFacts {
    return {
      target: this.definition.target,
      occurrences: this.occurrences,
      awaitingSchedule: this.awaitingSchedule,
      participantSchoolIds: this.definition.participantSchoolIds,
      pipelineCoveredSchoolIds: this.pipelineCovered,
      evidence: [...this.evidence.values()],
      verdicts: this.verdicts,
      control: { cancelled: this.cancelled, closedEarlyAt: this.closedEarlyAt, finalized: this.finished(now) },
    };
  }

  evaluate(now: number): EventProgressSummary {
    return evaluateEvent(this.facts(now), now);
  }

  controlRecord(): EventControlRecord {
    return { ...this.control, verdicts: this.verdicts.map((v) => ({ ...v })) };
  }

  evidenceIds(): string[] {
    return [...this.evidence.keys()];
  }

  setPipelineCoverage(schoolIds: string[]): boolean {
    const changed =
      schoolIds.length !== this.pipelineCovered.length || schoolIds.some((s, i) => s !== this.pipelineCovered[i]);
    this.pipelineCovered = [...schoolIds].sort();
    return changed;
  }

  needsPipelineCoverage(now: number): boolean {
    return this.definition.pipelineStage !== null && this.definition.target.kind === 'coverage' && !this.finished(now);
  }

  /**
   * Reminders not yet sent: before each unmet occurrence's deadline, and the periodic nudge of a
   * year-long window. Nothing is planned for what was already past at launch (no burst).
   */
  pendingReminders(now: number): DueReminder[] {
    if (this.closed || this.awaitingSchedule) return [];
    const summary = this.evaluate(now);
    const due: DueReminder[] = [];
    for (const o of this.occurrences) {
      if (o.skipped || o.deadline < this.launchedAt) continue;
      if (summary.occurrences[o.index]?.status === 'met') continue;
      const base = o.index * 1000;
      const planned =
        o.remindAt?.map((dueAt, index) => ({ index, dueAt })) ??
        planReminders({ opensAt: o.opensAt, deadline: o.deadline, daysBefore: this.reminderDaysBefore });
      // Reminders that fell before the launch collapse into one sent at launch: heard once, no burst.
      const missed = planned.filter((r) => r.dueAt < this.launchedAt).at(-1);
      if (missed) due.push({ key: `o${o.index}r${missed.index}`, index: base + missed.index, dueAt: this.launchedAt });
      for (const r of planned) {
        if (r.dueAt >= this.launchedAt)
          due.push({ key: `o${o.index}r${r.index}`, index: base + r.index, dueAt: r.dueAt });
      }
      const every = this.definition.nudgeEveryDays;
      if (every) {
        for (let k = 1, at = o.opensAt + every * DAY_MS; at < o.deadline - 7 * DAY_MS; k += 1, at += every * DAY_MS) {
          if (at >= this.launchedAt) due.push({ key: `o${o.index}n${k}`, index: base + 500 + k, dueAt: at });
        }
      }
    }
    return due.filter((r) => !this.sent.has(r.key)).sort((a, b) => a.dueAt - b.dueAt);
  }

  markSent(reminder: DueReminder): void {
    this.sent.add(reminder.key);
    this.remindersSent += 1;
  }

  /**
   * Occurrences whose deadline passed unmet (overdue, not closed): what the overdue notice and the
   * escalation chain are about. Deadlines already past at launch are left out (no burst).
   */
  overdueOccurrences(now: number): { key: string; index: number; deadline: number }[] {
    if (this.closed || this.awaitingSchedule) return [];
    const summary = this.evaluate(now);
    return this.occurrences
      .filter((o) => !o.skipped && o.deadline >= this.launchedAt && summary.occurrences[o.index]?.status === 'overdue')
      .map((o) => ({ key: `o${o.index}`, index: o.index, deadline: o.deadline }));
  }

  /** Escalation letters share the reminders' record of what went out, so whatever carries one carries both. */
  wasSent(key: string): boolean {
    return this.sent.has(key);
  }

  markEscalated(key: string): void {
    this.sent.add(key);
  }

  /** The next instant something changes by itself: a window opens or closes, a reminder falls due, the event finalises. */
  nextWake(now: number): number | null {
    const instants: number[] = [];
    for (const o of this.occurrences) instants.push(o.opensAt, o.deadline + 1);
    for (const r of this.pendingReminders(now)) instants.push(r.dueAt);
    const end = this.finalizeAt();
    if (end !== null) instants.push(end);
    const forecast = this.forecastInstants();
    instants.push(...forecast);
    if (this.needsPipelineCoverage(now)) instants.push(now + COVERAGE_REFRESH_MS);
    const future = instants.filter((t) => t > now);
    return future.length ? Math.min(...future) : null;
  }

  /** Half-way points, where the at-risk forecast starts to count, and the last weeks of document/text windows. */
  private forecastInstants(): number[] {
    return this.occurrences.flatMap((o) => [o.opensAt + (o.deadline - o.opensAt) / 2, o.deadline - 7 * DAY_MS]);
  }

  // --- evidence -------------------------------------------------------------------------------

  /** Null when the record may be taken, else why not (Russian, shown to the person). */
  evidenceProblem(input: EvidenceInput, now: number): string | null {
    if (this.evidence.has(input.evidenceId)) return null; // the same record again: taken once
    if (this.cancelled) return 'Мероприятие отменено: отчет о выполнении не принимается';
    if (this.closedEarlyAt !== null) return 'Мероприятие закрыто: отчет о выполнении не принимается';
    if (this.finished(now)) return 'Срок приема отчетов по мероприятию истек: мероприятие закрыто';
    if (this.awaitingSchedule) return 'Мероприятие ожидает графика: даты еще не назначены координатором';
    if (!input.asCoordinator && !this.definition.executorKeys.includes(input.executorKey)) {
      return 'Вы не являетесь исполнителем этого мероприятия';
    }
    if (input.count !== null && (!Number.isInteger(input.count) || input.count < 0 || input.count > 1_000_000)) {
      return 'Количество (count) должно быть целым числом от 0 до 1000000';
    }
    const nothing =
      input.count === null && !input.link && !input.comment && input.files.length === 0 && input.schoolIds.length === 0;
    if (nothing) return 'Отчет пуст: укажите количество, ссылку, школы, комментарий или приложите файл';
    const participants = new Set(this.definition.participantSchoolIds);
    const stranger = input.schoolIds.find((s) => !participants.has(s));
    if (stranger) return `Школа ${stranger} не участвует в этом мероприятии (schoolIds)`;
    const occurrence = this.occurrenceFor(input, now);
    if (!occurrence) {
      return input.occurrenceIndex !== null
        ? `Период № ${input.occurrenceIndex + 1} у мероприятия не найден (occurrenceIndex)`
        : 'Мероприятие еще не началось: отчет можно внести после начала срока';
    }
    if (occurrence.skipped) return `Период «${occurrence.label}» пропущен при запуске цикла`;
    if (input.heldOnStart && input.heldOnEnd) {
      const outside =
        Date.parse(input.heldOnEnd) < occurrence.opensAt || Date.parse(input.heldOnStart) > occurrence.deadline;
      if (outside && !input.lateReason?.trim()) {
        return `Дата проведения ${input.heldOn} вне срока «${occurrence.label}»: укажите причину (lateReason)`;
      }
      if (Date.parse(input.heldOnStart) > now) return `Дата проведения ${input.heldOn} еще не наступила`;
    }
    return null;
  }

  /** The occurrence a record belongs to: the one asked for, else the one its date falls in, else the one open now, else the latest begun. */
  occurrenceFor(input: Pick<EvidenceInput, 'occurrenceIndex' | 'heldOnStart'>, now: number): OccurrenceWindow | null {
    if (input.occurrenceIndex !== null) return this.occurrences[input.occurrenceIndex] ?? null;
    const tracked = this.occurrences.filter((o) => !o.skipped);
    if (input.heldOnStart) {
      const at = Date.parse(input.heldOnStart);
      const holding = tracked.find((o) => at >= o.opensAt && at <= o.deadline);
      if (holding) return holding;
    }
    const open = tracked.find((o) => now >= o.opensAt && now <= o.deadline);
    if (open) return open;
    const begun = tracked.filter((o) => o.opensAt <= now);
    return begun.at(-1) ?? null;
  }

  addEvidence(input: EvidenceInput, occurrenceIndex: number): void {
    this.evidence.set(input.evidenceId, {
      id: input.evidenceId,
      occurrenceIndex,
      count: input.count,
      schoolIds: [...input.schoolIds],
      files: input.files.length,
      removed: false,
    });
  }

  correctionProblem(c: EvidenceCorrection): string | null {
    const found = this.evidence.get(c.evidenceId);
    if (!found) return `Запись ${c.evidenceId} не найдена у этого мероприятия`;
    if (found.removed) return 'Запись уже удалена: исправить ее нельзя';
    if (!c.reason.trim()) return 'Укажите причину исправления (reason)';
    if (c.count !== undefined && c.count !== null && (!Number.isInteger(c.count) || c.count < 0)) {
      return 'Количество (count) должно быть целым неотрицательным числом';
    }
    const participants = new Set(this.definition.participantSchoolIds);
    const stranger = c.schoolIds?.find((s) => !participants.has(s));
    if (stranger) return `Школа ${stranger} не участвует в этом мероприятии (schoolIds)`;
    return null;
  }

  correct(c: EvidenceCorrection): void {
    const found = this.evidence.get(c.evidenceId);
    if (!found) return;
    if (c.count !== undefined) found.count = c.count;
    if (c.schoolIds !== undefined) found.schoolIds = [...c.schoolIds];
  }

  removalProblem(r: EvidenceRemoval): string | null {
    const found = this.evidence.get(r.evidenceId);
    if (!found) return `Запись ${r.evidenceId} не найдена у этого мероприятия`;
    if (found.removed) return null; // removing twice changes nothing
    if (!r.reason.trim()) return 'Укажите причину удаления (reason)';
    return null;
  }

  remove(r: EvidenceRemoval): void {
    const found = this.evidence.get(r.evidenceId);
    if (found) found.removed = true;
  }

  // --- coordinator decisions ------------------------------------------------------------------

  scheduleProblem(s: ScheduleRequest): string | null {
    if (this.closed) return 'Мероприятие закрыто: сроки больше не меняются';
    if (s.windows.length === 0) return 'Укажите хотя бы один срок (windows)';
    for (const [i, w] of s.windows.entries()) {
      const a = Date.parse(w.opensAt);
      const b = Date.parse(w.deadline);
      if (!Number.isFinite(a) || !Number.isFinite(b)) return `windows[${i}]: некорректная дата`;
      if (b <= a) return `windows[${i}]: срок окончания раньше начала`;
    }
    if (s.occurrenceIndex !== null) {
      if (!this.occurrences[s.occurrenceIndex]) return `Период № ${s.occurrenceIndex + 1} у мероприятия не найден`;
      if (s.windows.length !== 1) return 'Перенос периода задает ровно один срок';
    }
    return null;
  }

  schedule(s: ScheduleRequest): void {
    const windows = s.windows.map((w, i) => ({
      index: i,
      label: w.label,
      opensAt: Date.parse(w.opensAt),
      deadline: Date.parse(w.deadline),
    }));
    if (s.occurrenceIndex === null) {
      this.occurrences = windows;
      this.awaitingSchedule = false;
      return;
    }
    const moved = { ...windows[0], index: s.occurrenceIndex };
    this.occurrences = this.occurrences.map((o) => (o.index === s.occurrenceIndex ? moved : o));
    // A moved window the launch-time «skip» hid is tracked again.
  }

  closeProblem(c: CloseRequest): string | null {
    if (this.cancelled) return 'Мероприятие уже отменено';
    if (this.closedEarlyAt !== null) return 'Мероприятие уже закрыто';
    if (!c.reason.trim())
      return c.kind === 'cancel' ? 'Укажите причину отмены (reason)' : 'Укажите причину закрытия (reason)';
    return null;
  }

  close(c: CloseRequest, now: number): void {
    if (c.kind === 'cancel') {
      this.cancelled = true;
      this.control.cancelledReason = c.reason.trim();
    } else {
      this.closedEarlyAt = now;
      this.control.closedEarlyAt = new Date(now).toISOString();
      this.control.closedEarlyReason = c.reason.trim();
    }
  }

  verdictProblem(v: VerdictRequest): string | null {
    if (this.definition.target.kind !== 'text')
      return 'Выполнение отмечает координатор только для текстового показателя';
    if (!this.occurrences[v.occurrenceIndex]) return `Период № ${v.occurrenceIndex + 1} у мероприятия не найден`;
    if (!v.met && !v.comment.trim()) return 'Укажите, почему показатель не выполнен (comment)';
    return null;
  }

  judge(v: VerdictRequest): void {
    this.verdicts.push({ occurrenceIndex: v.occurrenceIndex, met: v.met, comment: v.comment.trim() });
  }
}

export function toOccurrenceRecords(summary: EventProgressSummary): OccurrenceProgressRecord[] {
  return summary.occurrences.map((o) => ({
    ...o,
    opensAt: new Date(o.opensAt).toISOString(),
    deadline: new Date(o.deadline).toISOString(),
  }));
}
