import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import { cycleAccess, type CycleAccess, type RoleGrant } from '@orientir/auth';
import {
  closeEventUpdate,
  correctEvidenceUpdate,
  judgeEventUpdate,
  recordEvidenceUpdate,
  removeEvidenceUpdate,
  scheduleEventUpdate,
  type EventControlRecord,
  type EvidenceInput,
  type OccurrenceProgressRecord,
  type RoadmapEventState,
} from '@orientir/contracts';
import {
  coverageCategories,
  endOfLocalDay,
  type EventStatusCode,
  type SchoolCategory,
  localInstant,
  rangeLabel,
  schoolExecutorCategories,
  startOfLocalDay,
} from '@orientir/domain';
import { DOCUMENT_FILE_POLICY, FilesService, type StoredFile } from '@orientir/files';
import {
  AuditLogStore,
  CycleStore,
  EVIDENCE_FILE_OWNER,
  EventTrackingStore,
  type RoadmapEventEntity,
  type StoredCycle,
} from '@orientir/persistence';
import { WORKFLOW_GATEWAY, type WorkflowGateway } from '@orientir/temporal';
import { AuditService } from '../audit/audit.service';
import { hiddenOutOfScope, outOfScope } from '../auth/auth.exception';
import { requirePrincipal, type Actor } from '../auth/principal.model';
import { validationFailed } from '../common/request.exception';
import { CycleErrorCode, CycleException } from '../cycles/cycle.exception';
import { cycleFacts } from '../cycles/cycle-view.mapper';
import { FileAccessService } from '../files/file-access.service';
import type { StagedUpload } from '../files/file-upload.interceptor';
import type {
  CloseEventDto,
  CorrectEvidenceDto,
  EventListQueryDto,
  ReasonDto,
  RecordEvidenceDto,
  ReportQueryDto,
  ScheduleEventDto,
  VerdictDto,
} from './dto/event-input.dto';
import type {
  EventDetailView,
  EventPageView,
  EventsSummaryView,
  EventStateView,
  MyEventView,
  StatusCountView,
} from './dto/event.view';
import { EventErrorCode, EventException } from './event.exception';
import { toEventSummary, toEvidenceView } from './event-view.mapper';
import { buildRoadmapReport, reportFileName, type VerdictRecord } from './report/roadmap-report.builder';
import { writeReportDocx, writeReportXlsx } from './report/roadmap-report.writers';

/** Evidence files: owner kind `event`, owner id the cycle event. */
export const EVENT_FILE_OWNER = EVIDENCE_FILE_OWNER;
/** An evidence upload no record commits within this long is forgotten. */
export const STAGED_EVIDENCE_FILE_MS = 24 * 60 * 60 * 1000;

interface EventScope {
  stored: StoredCycle;
  event: RoadmapEventEntity;
  access: CycleAccess;
  grants: RoleGrant[];
}

/**
 * Roadmap events as tracked work: the read model (from PostgreSQL only), evidence from executors and
 * the coordinator's corrections, each sent to the event workflow as a validated Update and audited.
 */
@Injectable()
export class EventsService implements OnModuleInit {
  private readonly logger = new Logger(EventsService.name);

  constructor(
    private readonly events: EventTrackingStore,
    private readonly cycles: CycleStore,
    @Inject(WORKFLOW_GATEWAY) private readonly workflows: WorkflowGateway,
    private readonly audit: AuditService,
    private readonly auditLog: AuditLogStore,
    private readonly files: FilesService,
    private readonly fileAccess: FileAccessService,
  ) {}

  onModuleInit(): void {
    this.fileAccess.register(EVENT_FILE_OWNER, async (eventId, actor) => {
      const event = await this.events.findEvent(eventId);
      const stored = event ? await this.cycles.find(event.cycleId) : null;
      return !!stored && cycleAccess(requirePrincipal(actor).grants, cycleFacts(stored)).eventIds.has(eventId);
    });
  }

  async list(cycleId: string, q: EventListQueryDto, actor: Actor): Promise<EventPageView> {
    const { stored, access } = await this.cycleScope(cycleId, actor);
    const page = q.page ?? 1;
    const pageSize = q.pageSize ?? 50;
    const tz = stored.cycle.timezone;
    const { rows, total } = await this.events.listEvents(cycleId, {
      eventIds: [...access.eventIds],
      section: q.section,
      executor: q.executor,
      status: q.status,
      from: q.from ? (localInstant(q.from, tz, 'start') ?? undefined) : undefined,
      to: q.to ? (localInstant(q.to, tz, 'end') ?? undefined) : undefined,
      schoolId: q.schoolId,
      offset: (page - 1) * pageSize,
      limit: pageSize,
    });
    return { items: rows.map((r) => toEventSummary(r, tz)), total, page, pageSize };
  }

  async summary(cycleId: string, actor: Actor): Promise<EventsSummaryView> {
    const { stored, access } = await this.cycleScope(cycleId, actor);
    const { rows } = await this.events.listEvents(cycleId, {
      eventIds: [...access.eventIds],
      offset: 0,
      limit: 100_000,
    });
    const views = rows.map((r) => toEventSummary(r, stored.cycle.timezone));
    const group = (keysOf: (v: (typeof views)[number]) => string[]): StatusCountView[] => {
      const groups = new Map<string, (typeof views)[number][]>();
      for (const v of views) for (const k of keysOf(v)) groups.set(k, [...(groups.get(k) ?? []), v]);
      return [...groups].map(([key, items]) => ({
        key,
        total: items.length,
        met: items.filter((i) => i.status === 'met').length,
        atRisk: items.filter((i) => i.status === 'at_risk').length,
        overdue: items.filter((i) => i.status === 'overdue' || i.status === 'not_met').length,
        open: items.filter((i) => i.status === 'open').length,
        progressPercent: Math.round(items.reduce((s, i) => s + i.progressPercent, 0) / items.length),
      }));
    };
    return {
      bySection: group((v) => [v.section ?? 'Без раздела']),
      byExecutor: group((v) => (v.executors.length ? v.executors : ['Без исполнителя'])),
    };
  }

  /** «Мои мероприятия»: events the caller is an executor of (by organisation, event, or as a school), soonest first. */
  async mine(actor: Actor): Promise<MyEventView[]> {
    const principal = requirePrincipal(actor);
    const result: MyEventView[] = [];
    for (const stored of await this.cycles.list()) {
      const access = cycleAccess(principal.grants, cycleFacts(stored));
      const own = stored.events.filter((e) => access.eventIds.has(e.id) && this.executorKey(e, stored, actor) !== null);
      if (!own.length) continue;
      const { rows } = await this.events.listEvents(stored.cycle.id, {
        eventIds: own.map((e) => e.id),
        offset: 0,
        limit: 1000,
      });
      for (const row of rows) {
        const view = toEventSummary(row, stored.cycle.timezone);
        result.push({ ...view, cycleTitle: stored.cycle.title, canRecord: recordable(view.status) });
      }
    }
    return result.sort((a, b) => (a.nextDeadline ?? '9999').localeCompare(b.nextDeadline ?? '9999'));
  }

  async detail(eventId: string, actor: Actor): Promise<EventDetailView> {
    const { stored, event, access } = await this.eventScope(eventId, actor);
    const tz = stored.cycle.timezone;
    const [progress, evidence, history] = await Promise.all([
      this.events.progress(eventId),
      this.events.evidence(eventId),
      this.auditLog.query({ municipalities: null, targetType: 'event', targetId: eventId, limit: 200, offset: 0 }),
    ]);
    const names = new Map(stored.schools.map((s) => [s.id, s.name]));
    const live = evidence.filter((e) => !e.removedAt).length;
    const summary = toEventSummary({ event, progress, evidenceCount: live }, tz);
    const participants = participantsOf(event, stored.schools);
    return {
      ...summary,
      cycleTitle: stored.cycle.title,
      timezone: tz,
      evidence: evidence.map((e) => toEvidenceView(e, names)),
      // Refused actions stay in the audit log; the event's history shows what happened to it.
      history: history.items
        .filter((h) => h.outcome === 'success')
        .map((h) => ({
          at: h.at.toISOString(),
          action: h.action,
          actor: h.actorEmail,
          details: h.details,
        })),
      participants: participants.map((s) => ({ id: s.id, name: s.name })),
      canRecord: recordable(summary.status) && (access.manage || this.executorKey(event, stored, actor) !== null),
      canManage: access.manage,
      control: (progress?.control ?? {}) as Record<string, unknown>,
      verdicts: verdictsOf(progress?.control),
    };
  }

  /**
   * A staged upload: kept, scoped to this event and its uploader, and forgotten after a day unless an
   * evidence record commits it (the event workflow's store activity does, with the record's rows).
   */
  async uploadFile(eventId: string, upload: StagedUpload | undefined, actor: Actor): Promise<StoredFile> {
    if (!upload) throw validationFailed('Приложите файл в поле «file» (multipart/form-data)', ['file: нет файла']);
    const { stored, event, access } = await this.eventScope(eventId, actor);
    if (!access.manage && this.executorKey(event, stored, actor) === null) {
      await this.files.discard(upload.staged);
      throw outOfScope('отчет по этому мероприятию');
    }
    const now = Date.now();
    // Uploads are where staged files appear, so they are also where the expired ones are swept.
    await this.files.sweepExpiredStaged(new Date(now));
    return this.files.accept(
      upload.staged,
      {
        ownerKind: EVENT_FILE_OWNER,
        ownerId: event.id,
        purpose: 'evidence',
        originalName: upload.originalName,
        uploadedBy: requirePrincipal(actor).userId,
        stagedUntil: new Date(now + STAGED_EVIDENCE_FILE_MS),
      },
      DOCUMENT_FILE_POLICY,
    );
  }

  async record(eventId: string, dto: RecordEvidenceDto, actor: Actor): Promise<EventStateView> {
    const scope = await this.eventScope(eventId, actor);
    const { stored, event, access } = scope;
    const key = this.executorKey(event, stored, actor);
    if (key === null && !access.manage) throw outOfScope('отчет по этому мероприятию');
    const principal = requirePrincipal(actor);
    const files = await Promise.all((dto.fileIds ?? []).map((id) => this.evidenceFile(id, eventId, principal.userId)));
    const tz = stored.cycle.timezone;
    const organisation = dto.organisationId
      ? event.executors.find((x) => x.organisationId === dto.organisationId)
      : undefined;
    if (dto.organisationId && !organisation) {
      throw validationFailed('Организация не является исполнителем мероприятия', [
        `organisationId: ${dto.organisationId} не среди исполнителей`,
      ]);
    }
    const school = key?.startsWith('school:') ? stored.schools.find((s) => `school:${s.id}` === key) : undefined;
    const ownOrganisation = key?.startsWith('org:')
      ? event.executors.find((x) => `org:${x.organisationId}` === key)
      : undefined;
    const evidence: EvidenceInput = {
      evidenceId: randomUUID(),
      executorKey: key ?? 'coordinator',
      executorName: school?.name ?? ownOrganisation?.name ?? organisation?.name ?? principal.displayName,
      organisationId: ownOrganisation?.organisationId ?? organisation?.organisationId ?? null,
      asCoordinator: key === null && access.manage,
      recordedBy: principal.via === 'link' ? null : principal.userId,
      recordedByName: principal.displayName,
      occurrenceIndex: dto.occurrenceIndex ?? null,
      heldOn: dto.heldOn ?? null,
      heldOnStart: dto.heldOn ? this.localDay(dto.heldOn, tz, 'heldOn').start : null,
      heldOnEnd: dto.heldOn ? this.localDay(dto.heldOn, tz, 'heldOn').end : null,
      count: dto.count ?? null,
      link: dto.link ?? null,
      schoolIds: dto.schoolIds ?? (school ? [school.id] : []),
      comment: dto.comment?.trim() || null,
      files,
      lateReason: dto.lateReason?.trim() || null,
    };
    return this.send(scope, actor, 'event.evidence.record', recordEvidenceUpdate, evidence, {
      evidenceId: evidence.evidenceId,
      count: evidence.count,
      files: files.map((f) => f.name),
    });
  }

  async correct(eventId: string, evidenceId: string, dto: CorrectEvidenceDto, actor: Actor): Promise<EventStateView> {
    const scope = await this.managedEvent(eventId, actor);
    const before = await this.existingEvidence(eventId, evidenceId);
    return this.send(
      scope,
      actor,
      'event.evidence.correct',
      correctEvidenceUpdate,
      {
        evidenceId,
        ...(dto.count !== undefined ? { count: dto.count } : {}),
        ...(dto.schoolIds !== undefined ? { schoolIds: dto.schoolIds } : {}),
        ...(dto.heldOn !== undefined ? { heldOn: dto.heldOn } : {}),
        ...(dto.comment !== undefined ? { comment: dto.comment } : {}),
        reason: dto.reason.trim(),
        by: requirePrincipal(actor).userId,
      },
      {
        evidenceId,
        reason: dto.reason.trim(),
        before: { count: before.count, schoolIds: before.schoolIds, heldOn: before.heldOn, comment: before.comment },
        after: { count: dto.count, schoolIds: dto.schoolIds, heldOn: dto.heldOn, comment: dto.comment },
      },
    );
  }

  async remove(eventId: string, evidenceId: string, dto: ReasonDto, actor: Actor): Promise<EventStateView> {
    const scope = await this.managedEvent(eventId, actor);
    const before = await this.existingEvidence(eventId, evidenceId);
    return this.send(
      scope,
      actor,
      'event.evidence.remove',
      removeEvidenceUpdate,
      { evidenceId, reason: dto.reason.trim(), by: requirePrincipal(actor).userId },
      {
        evidenceId,
        reason: dto.reason.trim(),
        removed: {
          executor: before.executor,
          heldOn: before.heldOn,
          count: before.count,
          schoolIds: before.schoolIds,
          fileNames: before.fileNames,
          comment: before.comment,
        },
      },
    );
  }

  async schedule(eventId: string, dto: ScheduleEventDto, actor: Actor): Promise<EventStateView> {
    const scope = await this.managedEvent(eventId, actor);
    const tz = scope.stored.cycle.timezone;
    const windows = dto.windows.map((w, i) => {
      const opensAt = localInstant(w.opensAt, tz, 'start');
      const deadline = localInstant(w.deadline, tz, 'end');
      if (!opensAt || !deadline) throw validationFailed('Некорректная дата', [`windows[${i}]: некорректная дата`]);
      if (deadline <= opensAt) {
        throw validationFailed('Срок окончания раньше начала', [`windows[${i}].deadline: раньше opensAt`]);
      }
      return {
        opensAt: opensAt.toISOString(),
        deadline: deadline.toISOString(),
        label: rangeLabel(opensAt, deadline, tz),
      };
    });
    const state = await this.send(
      scope,
      actor,
      'event.schedule',
      scheduleEventUpdate,
      { occurrenceIndex: dto.occurrenceIndex ?? null, windows, by: requirePrincipal(actor).userId },
      { occurrenceIndex: dto.occurrenceIndex ?? null, windows },
    );
    // A restarted workflow reads its windows from the stored event.
    if (dto.occurrenceIndex === undefined) {
      await this.events.saveSchedule(
        eventId,
        windows.map(({ opensAt, deadline }) => ({ opensAt, deadline })),
      );
    }
    return state;
  }

  async close(eventId: string, dto: CloseEventDto, actor: Actor): Promise<EventStateView> {
    const scope = await this.managedEvent(eventId, actor);
    return this.send(
      scope,
      actor,
      dto.kind === 'cancel' ? 'event.cancel' : 'event.close_early',
      closeEventUpdate,
      { kind: dto.kind, reason: dto.reason.trim(), by: requirePrincipal(actor).userId },
      { reason: dto.reason.trim() },
    );
  }

  async judge(eventId: string, dto: VerdictDto, actor: Actor): Promise<EventStateView> {
    const scope = await this.managedEvent(eventId, actor);
    const request = {
      occurrenceIndex: dto.occurrenceIndex,
      met: dto.met,
      comment: dto.comment?.trim() ?? '',
      by: requirePrincipal(actor).userId,
    };
    return this.send(scope, actor, 'event.verdict', judgeEventUpdate, request, { ...request });
  }

  /** «Отчет о реализации дорожной карты» for the cycle and period, DOCX or XLSX, from PostgreSQL. */
  async report(
    cycleId: string,
    q: ReportQueryDto,
    actor: Actor,
  ): Promise<{ content: Buffer; fileName: string; contentType: string }> {
    const { stored, access } = await this.cycleScope(cycleId, actor);
    if (q.from && q.to && q.from > q.to) throw validationFailed('Период отчета задан неверно', ['from: позже, чем to']);
    const [{ rows }, evidence] = await Promise.all([
      this.events.listEvents(cycleId, { eventIds: [...access.eventIds], offset: 0, limit: 100_000 }),
      this.events.cycleEvidence(cycleId),
    ]);
    const tz = stored.cycle.timezone;
    const report = buildRoadmapReport({
      cycleTitle: stored.cycle.title,
      timezone: tz,
      from: q.from ?? null,
      to: q.to ?? null,
      events: rows
        .sort((a, b) => compareNumbers(a.event.number, b.event.number))
        .map(({ event, progress }) => ({
          id: event.id,
          number: event.number,
          title: event.title,
          section: event.section,
          // Dated by hand: «Сроки» are the dates set, not «По графику».
          period: event.schedule?.length ? null : event.period,
          opensAt: event.opensAt,
          deadline: event.deadline,
          executors: event.executors.map((x) => x.name),
          indicator: event.indicator,
          reportForm: event.reportForm,
          status: toEventSummary({ event, progress, evidenceCount: 0 }, tz).status as EventStatusCode,
          occurrences: (progress?.occurrences ??
            toEventSummary({ event, progress, evidenceCount: 0 }, tz).occurrences) as OccurrenceProgressRecord[],
          participants: participantsOf(event, stored.schools).length,
          verdicts: verdictsOf(progress?.control),
        })),
      evidence: evidence.filter((e) => access.eventIds.has(e.eventId)),
    });
    const content = q.format === 'docx' ? await writeReportDocx(report) : await writeReportXlsx(report);
    await this.audit.record(actor, {
      action: 'cycle.report',
      outcome: 'success',
      targetType: 'cycle',
      targetId: cycleId,
      municipality: stored.cycle.municipality,
      details: { format: q.format, from: q.from ?? null, to: q.to ?? null, rows: report.rows.length },
    });
    return {
      content,
      fileName: reportFileName(stored.cycle.title, q.format, new Date(), tz),
      contentType:
        q.format === 'docx'
          ? 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
          : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    };
  }

  // --- helpers ----------------------------------------------------------------------------------

  private async cycleScope(cycleId: string, actor: Actor): Promise<{ stored: StoredCycle; access: CycleAccess }> {
    const stored = await this.cycles.find(cycleId);
    const notFound = () => new CycleException(CycleErrorCode.NOT_FOUND, `Цикл ${cycleId} не найден`);
    if (!stored) throw notFound();
    const access = cycleAccess(requirePrincipal(actor).grants, cycleFacts(stored));
    if (!access.read) throw hiddenOutOfScope(notFound());
    return { stored, access };
  }

  /** Outside the caller's scope an event looks as if it did not exist (404). */
  private async eventScope(eventId: string, actor: Actor): Promise<EventScope> {
    const notFound = () => new EventException(EventErrorCode.NOT_FOUND, `Мероприятие ${eventId} не найдено`);
    const found = await this.events.findEvent(eventId);
    if (!found) throw notFound();
    const stored = await this.cycles.find(found.cycleId);
    if (!stored) throw notFound();
    const grants = requirePrincipal(actor).grants;
    const access = cycleAccess(grants, cycleFacts(stored));
    if (!access.eventIds.has(eventId)) throw hiddenOutOfScope(notFound());
    const link = requirePrincipal(actor).link;
    if (link && link.eventId !== eventId) throw hiddenOutOfScope(notFound());
    return { stored, event: found, access, grants };
  }

  private async managedEvent(eventId: string, actor: Actor): Promise<EventScope> {
    const scope = await this.eventScope(eventId, actor);
    if (!scope.access.manage) throw outOfScope('исправления и сроки этого мероприятия');
    return scope;
  }

  /**
   * Who the caller records as: its organisation among the executors, the event it was granted (or
   * its one-click link), or its school when the schools are the executors. Null: not an executor.
   */
  private executorKey(event: RoadmapEventEntity, stored: StoredCycle, actor: Actor): string | null {
    const principal = requirePrincipal(actor);
    if (principal.link?.eventId === event.id) return `event:${event.id}`;
    for (const g of principal.grants) {
      if (g.role !== 'executor' || !g.scopeValue) continue;
      if (g.scopeKind === 'event' && g.scopeValue === event.id) return `event:${event.id}`;
      if (g.scopeKind === 'organisation' && event.executors.some((x) => x.organisationId === g.scopeValue)) {
        return `org:${g.scopeValue}`;
      }
    }
    const categories = schoolExecutorCategories(event.executors.map((x) => x.name));
    if (!categories) return null;
    for (const g of principal.grants) {
      if (g.role !== 'school_team' || g.scopeKind !== 'school' || !g.scopeValue) continue;
      const school = stored.schools.find(
        (s) =>
          (s.directorySchoolId === g.scopeValue || s.id === g.scopeValue) &&
          categories.includes(s.category as SchoolCategory),
      );
      if (school) return `school:${school.id}`;
    }
    return null;
  }

  private localDay(date: string, tz: string, field: string): { start: string; end: string } {
    try {
      return { start: startOfLocalDay(date, tz).toISOString(), end: endOfLocalDay(date, tz).toISOString() };
    } catch {
      throw validationFailed('Некорректная дата', [`${field}: нет такой даты «${date}»`]);
    }
  }

  /** A file for a record: an upload to this event, and while staged only its uploader's and not expired. */
  private async evidenceFile(
    id: string,
    eventId: string,
    userId: string | null,
  ): Promise<{ id: string; name: string }> {
    let file: StoredFile;
    try {
      file = await this.files.describe(id);
    } catch {
      throw validationFailed('Файл не найден', [`fileIds: файл ${id} не найден`]);
    }
    if (file.ownerKind !== EVENT_FILE_OWNER || file.ownerId !== eventId) {
      throw validationFailed('Файл загружен не к этому мероприятию', [
        `fileIds: файл ${id} не относится к мероприятию`,
      ]);
    }
    if (file.state === 'staged' && file.expiresAt && file.expiresAt.getTime() <= Date.now()) {
      throw validationFailed('Срок хранения загруженного файла истек', [
        `fileIds: файл ${id} («${file.originalName}») не был приложен к отчету в течение суток: загрузите его снова`,
      ]);
    }
    if (file.state === 'staged' && file.uploadedBy !== userId) {
      throw validationFailed('Файл загружен другим пользователем', [
        `fileIds: файл ${id} еще не приложен к отчету и загружен другим пользователем`,
      ]);
    }
    return { id: file.id, name: file.originalName };
  }

  private async existingEvidence(eventId: string, evidenceId: string) {
    const found = await this.events.findEvidence(evidenceId);
    if (!found || found.eventId !== eventId) {
      throw new EventException(EventErrorCode.EVIDENCE_NOT_FOUND, `Запись ${evidenceId} не найдена у мероприятия`);
    }
    return found;
  }

  /** One Update to the event workflow, audited either way; the workflow's refusal answers 409 in Russian. */
  private async send<Request>(
    { stored, event }: EventScope,
    actor: Actor,
    action: string,
    update: UpdateDefinition<RoadmapEventState, [Request]>,
    request: Request,
    details: Record<string, unknown>,
  ): Promise<EventStateView> {
    const audit = {
      action,
      targetType: 'event',
      targetId: event.id,
      municipality: stored.cycle.municipality,
      details: { cycleId: stored.cycle.id, number: event.number, ...details },
    };
    try {
      const state = await this.workflows.updateEvent(stored.cycle.id, event.id, update, request);
      await this.audit.record(actor, { ...audit, outcome: 'success' });
      return {
        status: state.status,
        progressPercent: state.progressPercent,
        occurrences: state.occurrences,
        evidenceIds: state.evidenceIds,
      };
    } catch (error) {
      await this.audit.record(actor, {
        ...audit,
        outcome: 'failure',
        details: { ...audit.details, error: String(error) },
      });
      if (error instanceof WorkflowUpdateFailedError) {
        throw new EventException(
          EventErrorCode.REJECTED,
          error.cause?.message ?? 'Процесс мероприятия отклонил действие',
        );
      }
      if (error instanceof WorkflowNotFoundError) {
        // The workflow has ended (cancelled, closed, or past its late-evidence window): say which.
        const status = (await this.events.progress(event.id))?.status;
        throw new EventException(EventErrorCode.REJECTED, ENDED[status ?? ''] ?? ENDED.default);
      }
      this.logger.error(`${action} for event ${event.id} failed: ${String(error)}`);
      throw new CycleException(
        CycleErrorCode.WORKFLOW_UNAVAILABLE,
        'Процесс мероприятия сейчас недоступен, повторите позже',
      );
    }
  }
}

/** The schools a coverage counts: the executor schools, else the indicator's population, else all (as the workflow's definition). */
function participantsOf<S extends { category: string }>(event: RoadmapEventEntity, schools: S[]): S[] {
  const wanted = new Set(
    coverageCategories(schoolExecutorCategories(event.executors.map((x) => x.name)), event.indicator?.population),
  );
  const inPopulation = schools.filter((s) => wanted.has(s.category as SchoolCategory));
  return inPopulation.length ? inPopulation : schools;
}

function verdictsOf(control: EventControlRecord | null | undefined): VerdictRecord[] {
  return (control?.verdicts ?? []).map(({ occurrenceIndex, met, comment }) => ({ occurrenceIndex, met, comment }));
}

/** «1.2» after «1», «10» after «9». */
function compareNumbers(a: string, b: string): number {
  return a.localeCompare(b, 'ru', { numeric: true });
}

const ENDED: Record<string, string> = {
  cancelled: 'Мероприятие отменено: отчеты и изменения не принимаются',
  closed_early: 'Мероприятие закрыто досрочно: отчеты и изменения не принимаются',
  default: 'Срок приема отчетов по мероприятию истек: мероприятие закрыто',
};

function recordable(status: string): boolean {
  return !['cancelled', 'closed_early', 'not_met', 'awaiting_schedule'].includes(status);
}
