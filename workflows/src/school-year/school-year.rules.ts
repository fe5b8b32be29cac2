// The school's year as a plain class: its state and every rule about who may do what when. The
// workflow only wires Updates, timers and activities to it (entity-workflow style), so the rules are
// unit-tested without Temporal. Deterministic: time comes in as an argument, never from a clock.
import {
  planWorkingDayReminders,
  samePerson,
  schoolActionProblem,
  schoolActorRoles,
  workingDaysLater,
  type SchoolActionActor,
  type SchoolPipelineState,
} from '@orientir/domain/workflow';
import {
  documentKey,
  type ConceptDocument,
  type IndicatorValue,
  type PersonRef,
  type SchoolActor,
  type SchoolYearAction,
  type SchoolYearSetup,
  type SchoolYearState,
  type TimelineAction,
  type TimelineStep,
} from '@orientir/contracts';

const DAY_MS = 24 * 60 * 60 * 1000;
const MAX_TEXT = 5000;

export type Audience = 'school_team' | 'curator' | 'coordinator' | 'regional_coordinator';

/** A mail the workflow asks the notification activity to send; `key` makes it idempotent. */
export interface SchoolNotice {
  kind: 'reminder' | 'overdue' | 'review_overdue' | 'returned' | 'approved' | 'for_review' | 'curator_changed';
  audience: Audience[];
  key: string;
  documentKey: string | null;
  remarks: string | null;
}

export interface TimerDue {
  at: number;
  kind: 'reminder' | 'overdue' | 'review_overdue';
  /** Reminder index, or the document key of a late review. */
  ref: string;
}

export interface Outcome {
  steps: TimelineStep[];
  notices: SchoolNotice[];
}

export const DOCUMENT_TITLES_RU = {
  development_concept: 'Концепция развития',
  medium_term_programme: 'Среднесрочная программа развития',
  anti_risk_programme: 'Антирисковая программа',
} as const;

/** One school's year: state plus the rules. `problem` and `apply` share every check. */
export class SchoolYear {
  private constructor(
    readonly setup: SchoolYearSetup,
    readonly state: SchoolYearState,
    /** Reminder indexes sent for the current due date. */
    public remindersSent: number[],
  ) {}

  /**
   * Set by the workflow for runs that escalate along the cycle's chain: the overdue timer then only
   * marks the stage overdue, and the workflow sends the chain's letters (see overdue-escalation.util).
   */
  escalatesByChain = false;

  /**
   * Set by the workflow for runs that remind N working days before the due date's local day at the
   * cycle's 09:00 (production calendar with the installation's changes) instead of N × 24 h before it.
   */
  remindsOnWorkingDays = false;

  /** A new year: the risk profile first, or self-diagnosis when the profile came with the launch. */
  static start(setup: SchoolYearSetup, now: number): { year: SchoolYear; steps: TimelineStep[] } {
    const state: SchoolYearState = {
      cycleId: setup.cycleId,
      schoolId: setup.schoolId,
      stage: 'risk_profile',
      round: 1,
      rework: false,
      dueAt: setup.dueDates.risk_profile,
      dueSetAt: iso(now),
      overdue: false,
      escalated: false,
      curator: setup.curator,
      riskDirections: setup.riskDirections,
      flaggedDirections: [],
      selfDiagnosis: [],
      confirmedDirections: [],
      documents: [],
      checkpoints: setup.checkpoints.map((c) => ({
        ...c,
        status: 'open',
        values: [],
        submittedAt: null,
        confirmedAt: null,
        remarks: null,
        round: 1,
      })),
      report: {
        status: 'missing',
        fileId: null,
        fileName: null,
        summary: null,
        round: 1,
        remarks: null,
        submittedAt: null,
        decidedAt: null,
      },
      withdrawal: null,
      lastRemarks: null,
      steps: 0,
    };
    const year = new SchoolYear(setup, state, []);
    const steps = [year.step(now, 'started', null, {})];
    const imported = setup.flaggedDirections?.filter((id) => setup.riskDirections.some((d) => d.id === id));
    if (imported && imported.length > 0) {
      state.flaggedDirections = imported;
      steps.push(year.step(now, 'risk_profile_set', null, { flaggedDirections: imported, source: 'import' }));
      steps.push(...year.enter('self_diagnosis', now));
    }
    return { year, steps };
  }

  static resume(setup: SchoolYearSetup, state: SchoolYearState, remindersSent: number[]): SchoolYear {
    return new SchoolYear(setup, state, remindersSent);
  }

  get finished(): boolean {
    return this.state.stage === 'completed' || this.state.stage === 'withdrawn';
  }

  view(): SchoolYearState {
    // A deep copy: a query or Update answer never shares arrays with the live state.
    return JSON.parse(JSON.stringify(this.state)) as SchoolYearState;
  }

  // ------------------------------------------------------------------------------------------
  // Actions

  /** Why this action cannot be taken now (Russian, for the person who asked), or null. */
  problem(action: SchoolYearAction, now: number): string | null {
    try {
      this.check(action, now);
      return null;
    } catch (error) {
      if (error instanceof RuleViolation) return error.message;
      throw error;
    }
  }

  /** Applies an action that passed `problem` (checked again here: state may have moved since). */
  apply(action: SchoolYearAction, now: number): Outcome {
    this.check(action, now);
    const s = this.state;
    const by = actorRef(action.actor);
    const out: Outcome = { steps: [], notices: [] };
    const step = (what: TimelineAction, extra: Partial<TimelineStep> = {}, details: Record<string, unknown> = {}) =>
      out.steps.push(this.step(now, what, by, details, extra));
    switch (action.type) {
      case 'setRiskProfile': {
        s.flaggedDirections = [...new Set(action.flaggedDirections)];
        step('risk_profile_set', {}, { flaggedDirections: s.flaggedDirections, source: 'coordinator' });
        out.steps.push(...this.enter('self_diagnosis', now));
        break;
      }
      case 'submitSelfDiagnosis': {
        s.selfDiagnosis = action.answers.map((a) => ({
          directionId: a.directionId,
          confirmed: a.confirmed,
          justification: a.justification.trim(),
          measures: a.measures.trim(),
        }));
        s.confirmedDirections = s.selfDiagnosis.filter((a) => a.confirmed).map((a) => a.directionId);
        s.documents = this.requiredDocuments();
        step('self_diagnosis_submitted', {}, { confirmedDirections: s.confirmedDirections });
        out.steps.push(...this.enter('concept_documents', now));
        break;
      }
      case 'submitDocuments': {
        const inExpertise = s.stage === 'expertise';
        for (const d of action.documents) {
          const doc = this.document(d.key);
          if (inExpertise) doc.round += 1;
          doc.versions.push({
            version: doc.versions.length + 1,
            fileId: d.fileId,
            fileName: d.fileName ?? null,
            submittedAt: iso(now),
            submittedBy: action.actor.name,
            round: doc.round,
          });
          doc.status = 'submitted';
          doc.reviewOverdue = false;
          doc.reviewDueAt = inExpertise ? iso(this.reviewDue(now)) : null;
          step(
            'document_submitted',
            { documentKey: doc.key, round: doc.round, files: [{ fileId: d.fileId, fileName: d.fileName ?? null }] },
            { version: doc.versions.length },
          );
        }
        if (inExpertise) {
          this.refreshRound();
          out.notices.push(this.notice('for_review', ['curator'], now, null, null));
        } else if (s.documents.every((d) => d.status === 'submitted')) {
          for (const doc of s.documents) doc.reviewDueAt = iso(this.reviewDue(now));
          out.steps.push(...this.enter('expertise', now));
          out.notices.push(this.notice('for_review', ['curator'], now, null, null));
        }
        break;
      }
      case 'reviewDocument': {
        const doc = this.document(action.key);
        const remarks = action.remarks?.trim() || null;
        doc.reviews.push({
          round: doc.round,
          version: doc.versions.length,
          decision: action.decision,
          remarks,
          by,
          at: iso(now),
        });
        doc.reviewDueAt = null;
        if (action.decision === 'approve') {
          doc.status = 'approved';
          step('document_approved', { documentKey: doc.key, round: doc.round, remarks });
        } else {
          doc.status = 'returned';
          s.lastRemarks = remarks;
          step('document_returned', { documentKey: doc.key, round: doc.round, remarks });
          out.notices.push(this.notice('returned', ['school_team'], now, doc.key, remarks));
        }
        this.refreshRound();
        if (s.documents.every((d) => d.status === 'approved')) {
          out.notices.push(this.notice('approved', ['school_team'], now, null, null));
          out.steps.push(...this.enter('monitoring', now));
        }
        break;
      }
      case 'assignExpert': {
        const doc = this.document(action.key);
        doc.expert = action.expert;
        step('expert_assigned', { documentKey: doc.key }, { expert: action.expert });
        break;
      }
      case 'submitCheckpoint': {
        const cp = this.checkpoint(action.checkpointId);
        cp.values = action.values.map((v) => ({
          directionId: v.directionId,
          indicator: v.indicator.trim(),
          value: v.value.trim(),
          evidence: v.evidence,
        }));
        cp.status = 'submitted';
        cp.submittedAt = iso(now);
        step(
          'checkpoint_submitted',
          {
            files: cp.values.flatMap((v) =>
              v.evidence
                .filter((e) => e.fileId)
                .map((e) => ({ fileId: e.fileId as string, fileName: e.title ?? null })),
            ),
          },
          { checkpointId: cp.id, values: cp.values.length },
        );
        out.notices.push(this.notice('for_review', ['curator'], now, null, null));
        break;
      }
      case 'reviewCheckpoint': {
        const cp = this.checkpoint(action.checkpointId);
        const remarks = action.remarks?.trim() || null;
        cp.remarks = remarks;
        if (action.decision === 'confirm') {
          cp.status = 'confirmed';
          cp.confirmedAt = iso(now);
          step('checkpoint_confirmed', { remarks }, { checkpointId: cp.id });
        } else {
          cp.status = 'returned';
          cp.round += 1;
          s.lastRemarks = remarks;
          step('checkpoint_returned', { remarks }, { checkpointId: cp.id });
          out.notices.push(this.notice('returned', ['school_team'], now, null, remarks));
        }
        s.rework = s.checkpoints.some((c) => c.status === 'returned');
        if (s.checkpoints.every((c) => c.status === 'confirmed')) out.steps.push(...this.enter('report', now));
        break;
      }
      case 'submitReport': {
        s.report = {
          ...s.report,
          status: 'submitted',
          fileId: action.fileId,
          fileName: action.fileName ?? null,
          summary: action.summary?.trim() || null,
          submittedAt: iso(now),
        };
        s.rework = false;
        step('report_submitted', {
          round: s.report.round,
          files: [{ fileId: action.fileId, fileName: action.fileName ?? null }],
        });
        break;
      }
      case 'decideReport': {
        const remarks = action.remarks?.trim() || null;
        s.report.decidedAt = iso(now);
        s.report.remarks = remarks;
        if (action.decision === 'accept') {
          s.report.status = 'accepted';
          step('report_accepted', { round: s.report.round, remarks });
          out.steps.push(...this.enter('completed', now));
        } else {
          s.report.status = 'returned';
          s.report.round += 1;
          s.rework = true;
          s.lastRemarks = remarks;
          step('report_returned', { round: s.report.round - 1, remarks });
          out.notices.push(this.notice('returned', ['school_team'], now, null, remarks));
        }
        break;
      }
      case 'extendDeadline': {
        const previous = s.dueAt;
        s.dueAt = new Date(Date.parse(action.dueAt)).toISOString();
        s.dueSetAt = iso(now);
        s.overdue = false;
        s.escalated = false;
        this.remindersSent = [];
        step('deadline_extended', { remarks: action.reason.trim() }, { from: previous, to: s.dueAt });
        break;
      }
      case 'changeCurator': {
        const previous = s.curator;
        s.curator = action.curator;
        step('curator_changed', { remarks: action.reason?.trim() || null }, { from: previous, to: action.curator });
        out.notices.push(this.notice('curator_changed', ['curator'], now, null, null));
        break;
      }
      case 'withdrawSchool': {
        s.withdrawal = { reason: action.reason.trim(), at: iso(now), by: action.actor.name };
        step('withdrawn', { remarks: action.reason.trim() });
        out.steps.push(...this.enter('withdrawn', now));
        break;
      }
    }
    return out;
  }

  // ------------------------------------------------------------------------------------------
  // Time: reminders before the due date, overdue after it, late reviews

  /** The earliest timer still to fire, or null when none is pending. */
  nextTimer(): TimerDue | null {
    const timers: TimerDue[] = [];
    const s = this.state;
    if (!this.finished && s.dueAt) {
      const due = Date.parse(s.dueAt);
      if (!s.overdue) {
        timers.push({ at: due, kind: 'overdue', ref: 'stage' });
        if (this.waitingOn()) {
          const days = [...new Set(this.setup.reminderDaysBefore.filter((d) => d > 0))].sort((a, b) => b - a);
          // A reminder whose moment had passed when the due date was set is not sent (the stage is shorter).
          const setAt = s.dueSetAt ? Date.parse(s.dueSetAt) : 0;
          const workingDayAt = this.remindsOnWorkingDays ? this.workingDayReminders(due, days) : null;
          days.forEach((d, index) => {
            const at = workingDayAt?.get(d) ?? due - d * DAY_MS;
            if (at >= setAt && !this.remindersSent.includes(index))
              timers.push({ at, kind: 'reminder', ref: `${index}` });
          });
        }
      }
    }
    if (s.stage === 'expertise') {
      for (const doc of s.documents) {
        if (doc.status === 'submitted' && doc.reviewDueAt && !doc.reviewOverdue) {
          timers.push({ at: Date.parse(doc.reviewDueAt), kind: 'review_overdue', ref: doc.key });
        }
      }
    }
    timers.sort((a, b) => a.at - b.at);
    return timers[0] ?? null;
  }

  /** Each reminder's instant by the production calendar, keyed by its working days before the due date. */
  private workingDayReminders(due: number, days: readonly number[]): Map<number, number> {
    const planned = planWorkingDayReminders({
      opensAt: 0, // a reminder before the due date was set is dropped by the caller, not moved
      deadline: due,
      daysBefore: days,
      timeZone: this.setup.timezone,
      utcOffsetMinutes: this.setup.calendar.utcOffsetMinutes,
      calendar: this.setup.calendar.overrides,
    });
    return new Map(planned.map((p) => [p.daysBefore, p.dueAt]));
  }

  /** Fires every timer due by `now`. */
  fireDue(now: number): Outcome {
    const out: Outcome = { steps: [], notices: [] };
    for (let timer = this.nextTimer(); timer && timer.at <= now; timer = this.nextTimer()) {
      const s = this.state;
      switch (timer.kind) {
        case 'reminder': {
          const index = Number(timer.ref);
          this.remindersSent.push(index);
          // A reminder whose moment passed while the stage had not begun is not worth a mail of its own.
          if (now >= Date.parse(s.dueAt as string)) break;
          const audience = this.waitingOn();
          if (!audience) break;
          out.steps.push(this.step(now, 'reminder_sent', null, { audience, dueAt: s.dueAt, index }));
          out.notices.push(this.notice('reminder', [audience], now, null, null, `${s.dueAt}/${index}`));
          break;
        }
        case 'overdue': {
          s.overdue = true;
          s.escalated = true;
          if (this.escalatesByChain) {
            out.steps.push(this.step(now, 'stage_overdue', null, { dueAt: s.dueAt, escalation: 'chain' }));
            break;
          }
          out.steps.push(
            this.step(now, 'stage_overdue', null, { dueAt: s.dueAt, escalatedTo: ['curator', 'coordinator'] }),
          );
          out.notices.push(
            this.notice('overdue', ['school_team', 'curator', 'coordinator'], now, null, null, `${s.dueAt}`),
          );
          break;
        }
        case 'review_overdue': {
          const doc = this.document(timer.ref);
          doc.reviewOverdue = true;
          out.steps.push(
            this.step(
              now,
              'review_overdue',
              null,
              { reviewDueAt: doc.reviewDueAt },
              { documentKey: doc.key, round: doc.round },
            ),
          );
          out.notices.push(
            this.notice('review_overdue', ['coordinator'], now, doc.key, null, `${doc.key}/${doc.round}`),
          );
          break;
        }
      }
    }
    return out;
  }

  // ------------------------------------------------------------------------------------------
  // Checks

  private check(action: SchoolYearAction, now: number): void {
    const s = this.state;
    // Role, stage and the item's state: the shared rule (libs/domain), which the API's views offer from.
    const gate = schoolActionProblem(action.type, s, this.actorOf(action.actor));
    if (gate) fail(gate);
    switch (action.type) {
      case 'setRiskProfile': {
        const known = new Set(this.setup.riskDirections.map((d) => d.id));
        const unknown = action.flaggedDirections.filter((id) => !known.has(id));
        if (unknown.length) fail(`Неизвестные направления рисков: ${unknown.join(', ')} (поле flaggedDirections)`);
        if (action.flaggedDirections.length === 0)
          fail('Отметьте хотя бы одно направление рисков (поле flaggedDirections)');
        return;
      }
      case 'submitSelfDiagnosis': {
        const seen = new Set<string>();
        action.answers.forEach((a, i) => {
          if (!s.flaggedDirections.includes(a.directionId)) {
            fail(`answers[${i}].directionId: направление «${a.directionId}» не отмечено в рисковом профиле школы`);
          }
          if (seen.has(a.directionId)) fail(`answers[${i}].directionId: направление «${a.directionId}» указано дважды`);
          seen.add(a.directionId);
          requireText(a.justification, `answers[${i}].justification`, 'обоснование');
          if (a.confirmed) requireText(a.measures, `answers[${i}].measures`, 'планируемые меры');
          else if (a.measures && a.measures.length > MAX_TEXT)
            fail(`answers[${i}].measures: не более ${MAX_TEXT} символов`);
        });
        const missing = s.flaggedDirections.filter((id) => !seen.has(id));
        if (missing.length) {
          fail(
            `Нет ответа по направлениям рискового профиля: ${missing.map((id) => `«${this.directionTitle(id)}»`).join(', ')}`,
          );
        }
        return;
      }
      case 'submitDocuments': {
        if (action.documents.length === 0) fail('Приложите хотя бы один документ (поле documents)');
        const seen = new Set<string>();
        action.documents.forEach((d, i) => {
          const doc = s.documents.find((x) => x.key === d.key);
          if (!doc) {
            fail(
              `documents[${i}].key: «${d.key}» не входит в требуемые документы (${s.documents.map((x) => x.key).join(', ')})`,
            );
          }
          if (seen.has(d.key)) fail(`documents[${i}].key: документ «${doc.title}» указан дважды`);
          seen.add(d.key);
          if (!d.fileId?.trim()) fail(`documents[${i}].fileId: укажите загруженный файл`);
          if (s.stage === 'expertise' && doc.status !== 'returned') {
            fail(`Документ «${doc.title}» не возвращен на доработку: повторно подаются только возвращенные документы`);
          }
          if (s.stage === 'concept_documents' && doc.status === 'approved') fail(`Документ «${doc.title}» уже одобрен`);
        });
        return;
      }
      case 'reviewDocument': {
        const doc = this.findDocument(action.key);
        this.requireReviewer(action.actor, doc);
        if (doc.status !== 'submitted') {
          fail(`Документ «${doc.title}» сейчас не на экспертизе (${documentStatusRu(doc.status)})`);
        }
        if (action.decision === 'return') requireText(action.remarks, 'remarks', 'замечания при возврате на доработку');
        return;
      }
      case 'assignExpert': {
        const doc = this.findDocument(action.key);
        if (doc.status === 'approved') fail(`Документ «${doc.title}» уже одобрен`);
        if (action.expert) requirePerson(action.expert, 'expert');
        return;
      }
      case 'submitCheckpoint': {
        const cp = this.findCheckpoint(action.checkpointId);
        if (cp.status === 'submitted') fail(`Данные точки «${cp.title}» уже поданы и ждут подтверждения куратора`);
        if (cp.status === 'confirmed') fail(`Точка мониторинга «${cp.title}» уже подтверждена`);
        this.checkValues(action.values);
        return;
      }
      case 'reviewCheckpoint': {
        const cp = this.findCheckpoint(action.checkpointId);
        if (cp.status !== 'submitted') fail(`Данные точки «${cp.title}» не поданы школой`);
        if (action.decision === 'return') requireText(action.remarks, 'remarks', 'замечания при возврате');
        return;
      }
      case 'submitReport': {
        if (!action.fileId?.trim()) fail('fileId: приложите файл отчета');
        if (action.summary && action.summary.length > MAX_TEXT) fail(`summary: не более ${MAX_TEXT} символов`);
        return;
      }
      case 'decideReport': {
        if (action.decision === 'return') requireText(action.remarks, 'remarks', 'замечания при возврате отчета');
        return;
      }
      case 'extendDeadline': {
        const due = Date.parse(action.dueAt);
        if (!Number.isFinite(due)) fail(`dueAt: «${action.dueAt}» — не дата`);
        if (due <= now) fail('dueAt: новый срок должен быть в будущем');
        if (s.dueAt && due <= Date.parse(s.dueAt)) fail('dueAt: новый срок должен быть позже текущего');
        requireText(action.reason, 'reason', 'причину продления');
        return;
      }
      case 'changeCurator': {
        requirePerson(action.curator, 'curator');
        if (s.curator && samePerson(s.curator, action.curator)) fail('Этот куратор уже закреплен за школой');
        return;
      }
      case 'withdrawSchool': {
        requireText(action.reason, 'reason', 'причину выбытия');
        return;
      }
    }
  }

  private checkValues(values: IndicatorValue[]): void {
    const s = this.state;
    if (values.length === 0) fail('values: укажите значения показателей');
    const allowed = s.confirmedDirections.length ? s.confirmedDirections : s.flaggedDirections;
    values.forEach((v, i) => {
      if (!allowed.includes(v.directionId)) {
        fail(`values[${i}].directionId: «${v.directionId}» — нет антирисковой программы по этому направлению`);
      }
      requireText(v.indicator, `values[${i}].indicator`, 'показатель');
      requireText(v.value, `values[${i}].value`, 'значение');
      if (!v.evidence?.length) fail(`values[${i}].evidence: приложите подтверждение (файл или ссылку)`);
      v.evidence.forEach((e, j) => {
        if (!e.fileId && !e.url) fail(`values[${i}].evidence[${j}]: укажите fileId или url`);
        if (e.url && !/^https?:\/\/\S+$/i.test(e.url))
          fail(`values[${i}].evidence[${j}].url: «${e.url}» — не ссылка http(s)`);
      });
    });
    const missing = allowed.filter((id) => !values.some((v) => v.directionId === id));
    if (missing.length) {
      fail(
        `Нет значений показателей по направлениям: ${missing.map((id) => `«${this.directionTitle(id)}»`).join(', ')}`,
      );
    }
  }

  // ------------------------------------------------------------------------------------------
  // Who may act

  isCoordinator(actor: SchoolActor): boolean {
    return this.actorOf(actor).coordinator;
  }

  isSchoolTeam(actor: SchoolActor): boolean {
    return this.actorOf(actor).schoolTeam;
  }

  /** The caller as the shared action rule sees it, against this school's place. */
  private actorOf(actor: SchoolActor): SchoolActionActor {
    const { schoolId, directorySchoolId, municipalityId } = this.setup;
    return {
      ...schoolActorRoles(actor.grants, { schoolId, directorySchoolId, municipalityId }),
      person: { userId: actor.userId, personId: actor.personId },
    };
  }

  isCurator(actor: SchoolActor): boolean {
    return !!this.state.curator && samePerson(this.state.curator, actorRef(actor));
  }

  private requireCurator(actor: SchoolActor): void {
    if (!this.state.curator) fail('За школой не закреплен куратор: обратитесь к координатору');
    if (!this.isCurator(actor)) fail(`Это действие доступно только куратору школы (${this.state.curator.name})`);
  }

  private requireReviewer(actor: SchoolActor, doc: ConceptDocument): void {
    if (doc.expert) {
      if (!samePerson(doc.expert, actorRef(actor))) {
        fail(`Документ «${doc.title}» рассматривает назначенный эксперт (${doc.expert.name})`);
      }
      return;
    }
    this.requireCurator(actor);
  }

  /** Who must act for the current stage to move; null when nobody is waited for. */
  private waitingOn(): Audience | null {
    const s = this.state;
    switch (s.stage) {
      case 'risk_profile':
        return 'coordinator';
      case 'self_diagnosis':
      case 'concept_documents':
        return 'school_team';
      case 'expertise':
        return s.rework ? 'school_team' : 'curator';
      case 'monitoring':
        return s.checkpoints.some((c) => c.status === 'open' || c.status === 'returned') ? 'school_team' : 'curator';
      case 'report':
        return s.report.status === 'submitted' ? 'coordinator' : 'school_team';
      case 'completed':
      case 'withdrawn':
        return null;
    }
  }

  // ------------------------------------------------------------------------------------------
  // Helpers

  private enter(stage: SchoolPipelineState, now: number): TimelineStep[] {
    const s = this.state;
    const from = s.stage;
    s.stage = stage;
    s.dueAt = stage === 'completed' || stage === 'withdrawn' ? null : this.setup.dueDates[stage];
    s.dueSetAt = iso(now);
    s.overdue = false;
    s.escalated = false;
    if (stage === 'monitoring' || stage === 'report') {
      s.rework = false;
    }
    this.remindersSent = [];
    return [this.step(now, 'stage_changed', null, { from, to: stage })];
  }

  private requiredDocuments(): ConceptDocument[] {
    const doc = (kind: ConceptDocument['kind'], directionId: string | null, name: string): ConceptDocument => ({
      key: documentKey(kind, directionId),
      kind,
      directionId,
      title: name,
      status: 'missing',
      round: 1,
      versions: [],
      reviews: [],
      expert: null,
      reviewDueAt: null,
      reviewOverdue: false,
    });
    return [
      doc('development_concept', null, DOCUMENT_TITLES_RU.development_concept),
      doc('medium_term_programme', null, DOCUMENT_TITLES_RU.medium_term_programme),
      ...this.state.confirmedDirections.map((id) =>
        doc(
          'anti_risk_programme',
          id,
          `${DOCUMENT_TITLES_RU.anti_risk_programme}: ${this.directionTitle(id).toLowerCase()}`,
        ),
      ),
    ];
  }

  private refreshRound(): void {
    const s = this.state;
    s.round = Math.max(1, ...s.documents.map((d) => d.round));
    s.rework = s.documents.some((d) => d.status === 'returned');
  }

  private reviewDue(now: number): number {
    return workingDaysLater(now, this.setup.reviewWorkingDays, this.setup.calendar);
  }

  private directionTitle(id: string): string {
    return this.setup.riskDirections.find((d) => d.id === id)?.title ?? id;
  }

  private findDocument(key: string): ConceptDocument {
    const doc = this.state.documents.find((d) => d.key === key);
    if (!doc) {
      fail(
        this.state.documents.length
          ? `Документ «${key}» не входит в требуемые: ${this.state.documents.map((d) => d.key).join(', ')}`
          : 'Требуемые документы появятся после самодиагностики',
      );
    }
    return doc;
  }

  private document(key: string): ConceptDocument {
    return this.findDocument(key);
  }

  private findCheckpoint(id: string) {
    const cp = this.state.checkpoints.find((c) => c.id === id);
    if (!cp) fail(`Точка мониторинга «${id}» не найдена (есть: ${this.state.checkpoints.map((c) => c.id).join(', ')})`);
    return cp;
  }

  private checkpoint(id: string) {
    return this.findCheckpoint(id);
  }

  private notice(
    kind: SchoolNotice['kind'],
    audience: Audience[],
    _now: number,
    key: string | null,
    remarks: string | null,
    discriminator: string = `${this.state.steps}`,
  ): SchoolNotice {
    return { kind, audience, key: `${kind}/${discriminator}`, documentKey: key, remarks };
  }

  private step(
    now: number,
    action: TimelineAction,
    actor: PersonRef | null,
    details: Record<string, unknown>,
    extra: Partial<TimelineStep> = {},
  ): TimelineStep {
    this.state.steps += 1;
    return {
      step: this.state.steps,
      at: iso(now),
      action,
      stage: this.state.stage,
      round: this.state.round,
      actor: actor ? { userId: actor.userId, name: actor.name } : null,
      documentKey: null,
      remarks: null,
      files: [],
      details,
      ...extra,
    };
  }
}

/** A rule the action breaks; its message is shown to the person as it is. */
export class RuleViolation extends Error {}

function fail(message: string): never {
  throw new RuleViolation(message);
}

function requireText(value: string | null | undefined, field: string, what: string): void {
  if (!value?.trim()) fail(`${field}: укажите ${what}`);
  if (value.length > MAX_TEXT) fail(`${field}: не более ${MAX_TEXT} символов`);
}

function requirePerson(person: PersonRef, field: string): void {
  if (!person.userId && !person.personId) fail(`${field}: укажите userId или personId`);
  if (!person.name?.trim()) fail(`${field}.name: укажите имя`);
}

function actorRef(actor: SchoolActor): PersonRef {
  return { userId: actor.userId, personId: actor.personId, name: actor.name };
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

function documentStatusRu(status: ConceptDocument['status']): string {
  switch (status) {
    case 'missing':
      return 'не подан';
    case 'submitted':
      return 'на экспертизе';
    case 'approved':
      return 'одобрен';
    case 'returned':
      return 'возвращен на доработку';
  }
}
