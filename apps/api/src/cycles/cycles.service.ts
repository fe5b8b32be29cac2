import { Inject, Injectable, Logger } from '@nestjs/common';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import {
  canActOnStage,
  canManageMunicipality,
  cycleAccess,
  schoolMunicipality,
  type CycleAccess,
} from '@orientir/auth';
import { APP_CONFIG, type AppConfig } from '@orientir/config';
import { eventDateBounds, localInstant, normaliseMunicipality } from '@orientir/domain';
import { eventWorkflowId, schoolWorkflowId, type SchoolCycleState } from '@orientir/contracts';
import { CycleStore, type CycleView as StoredCycleView, type StoredCycle } from '@orientir/persistence';
import { WORKFLOW_GATEWAY, type StartOutcome, type WorkflowGateway } from '@orientir/temporal';
import type { CreateCycleDto } from './dto/create-cycle.dto';
import type { CycleView, LaunchSummary } from './dto/cycle-view.dto';
import { CycleErrorCode, CycleException } from './cycle.exception';
import { AuditService } from '../audit/audit.service';
import { hiddenOutOfScope, outOfScope } from '../auth/auth.exception';
import { requirePrincipal, type Actor } from '../auth/principal.model';
import type { CompleteStageDto } from './dto/complete-stage.dto';

@Injectable()
export class CyclesService {
  private readonly logger = new Logger(CyclesService.name);

  constructor(
    private readonly store: CycleStore,
    @Inject(WORKFLOW_GATEWAY) private readonly workflows: WorkflowGateway,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
  ) {}

  /** Stores the cycle (all or nothing), then launches its workflows. */
  async create(dto: CreateCycleDto, actor: Actor): Promise<CycleView> {
    const dates = eventDates(dto);
    assertConsistent(dto);
    assertMayCreate(dto, actor);
    const stored = await this.store.create({
      title: dto.title.trim(),
      year: dto.year,
      timezone: dto.timezone,
      municipality: normaliseMunicipality(dto.municipality),
      schools: dto.schools.map((s) => ({
        name: s.name.trim(),
        category: s.category,
        municipality: normaliseMunicipality(s.municipality),
        emails: s.emails ?? [],
      })),
      events: dto.events.map((e, i) => ({
        number: e.number.trim(),
        title: e.title.trim(),
        opensAt: dates[i].opensAt,
        deadline: dates[i].deadline,
        executors: e.executors.map((x) => ({ name: x.name.trim(), email: x.email?.toLowerCase() ?? null })),
      })),
    });
    await this.audit.record(actor, {
      action: 'cycle.create',
      outcome: 'success',
      targetType: 'cycle',
      targetId: stored.cycle.id,
      municipality: stored.cycle.municipality,
    });
    const launch = await this.startWorkflows(stored);
    return { ...(await this.get(stored.cycle.id, actor)), launch };
  }

  /** Idempotent: workflows that already exist are left alone. */
  async launch(cycleId: string, actor: Actor): Promise<CycleView> {
    const stored = await this.store.find(cycleId);
    if (!stored) throw notFound(cycleId);
    const access = cycleAccess(requirePrincipal(actor).grants, facts(stored));
    if (!access.read) throw hiddenOutOfScope(notFound(cycleId));
    if (!access.manage) throw outOfScope('запуск этого цикла');
    const launch = await this.startWorkflows(stored);
    await this.audit.record(actor, {
      action: 'cycle.launch',
      outcome: 'success',
      targetType: 'cycle',
      targetId: cycleId,
      municipality: stored.cycle.municipality,
      details: { ...launch },
    });
    return { ...(await this.get(cycleId, actor)), launch };
  }

  /** The view holds only the schools and events within the caller's scope. */
  async get(cycleId: string, actor: Actor): Promise<CycleView> {
    const view = await this.store.findView(cycleId);
    if (!view) throw notFound(cycleId);
    const access = cycleAccess(requirePrincipal(actor).grants, facts(view));
    if (!access.read) throw hiddenOutOfScope(notFound(cycleId));
    return toView(view, access);
  }

  /** Checks role, school and stage here; the workflow's validator still rejects a stage the school is not in. */
  async completeStage(
    cycleId: string,
    schoolId: string,
    dto: CompleteStageDto,
    actor: Actor,
  ): Promise<SchoolCycleState> {
    const stored = await this.store.find(cycleId);
    if (!stored) throw notFound(cycleId);
    // Outside the caller's scope, neither the cycle's title nor a school's name nor its existence shows.
    const access = cycleAccess(requirePrincipal(actor).grants, facts(stored));
    if (!access.read) throw hiddenOutOfScope(notFound(cycleId));
    const school = stored.schools.find((s) => s.id === schoolId);
    const schoolNotFound = () =>
      new CycleException(CycleErrorCode.SCHOOL_NOT_FOUND, `Школа ${schoolId} не найдена в цикле ${cycleId}`);
    if (!school) throw schoolNotFound();
    if (!access.schoolIds.has(school.id)) throw hiddenOutOfScope(schoolNotFound());
    const municipality = schoolMunicipality(stored.cycle, school);
    const audit = {
      action: `school.stage.${dto.decision}`,
      targetType: 'school',
      targetId: schoolId,
      municipality,
      details: { cycleId, stage: dto.stage },
    };
    if (!canActOnStage(requirePrincipal(actor).grants, stored.cycle, school, dto.stage)) {
      throw outOfScope(`этап «${dto.stage}» этой школы`);
    }
    try {
      const state = await this.workflows.completeSchoolStage(cycleId, schoolId, {
        stage: dto.stage,
        decision: dto.decision,
        remarks: dto.remarks?.trim(),
      });
      await this.audit.record(actor, { ...audit, outcome: 'success' });
      return state;
    } catch (error) {
      await this.audit.record(actor, {
        ...audit,
        outcome: 'failure',
        details: { ...audit.details, error: String(error) },
      });
      if (error instanceof WorkflowUpdateFailedError) {
        throw new CycleException(
          CycleErrorCode.STAGE_REJECTED,
          error.cause?.message ?? 'Процесс школы отклонил действие',
        );
      }
      this.logger.error(`completeStage for ${schoolWorkflowId(cycleId, schoolId)} failed: ${String(error)}`);
      throw new CycleException(CycleErrorCode.WORKFLOW_UNAVAILABLE, 'Процесс школы сейчас недоступен, повторите позже');
    }
  }

  private async startWorkflows({ cycle, schools, events }: StoredCycle): Promise<LaunchSummary> {
    const outcomes: StartOutcome[] = [];
    try {
      for (const school of schools) {
        outcomes.push(
          await this.workflows.startSchoolWorkflow({
            cycleId: cycle.id,
            schoolId: school.id,
            municipality: school.municipality,
          }),
        );
      }
      for (const event of events) {
        outcomes.push(
          await this.workflows.startEventWorkflow({
            cycleId: cycle.id,
            eventId: event.id,
            opensAt: event.opensAt.toISOString(),
            deadline: event.deadline.toISOString(),
            reminderDaysBefore: this.config.reminders.daysBefore,
          }),
        );
      }
    } catch (error) {
      this.logger.error(`Launching cycle ${cycle.id} failed: ${String(error)}`);
      throw new CycleException(
        CycleErrorCode.WORKFLOW_UNAVAILABLE,
        `Цикл «${cycle.title}» сохранен, но запустить процессы не удалось: сервер Temporal недоступен. Повторите запуск: POST /api/cycles/${cycle.id}/launch`,
      );
    }
    return {
      started: outcomes.filter((o) => o === 'started').length,
      existing: outcomes.filter((o) => o === 'existing').length,
    };
  }
}

function notFound(cycleId: string): CycleException {
  return new CycleException(CycleErrorCode.NOT_FOUND, `Цикл ${cycleId} не найден`);
}

/** Cross-field checks that DTO decorators cannot express; each names the row. */
/**
 * Event dates read in the cycle's time zone (a date alone: that local day, a deadline its end; see
 * README), within the cycle's year give or take one, each deadline after its opening.
 */
function eventDates(dto: CreateCycleDto): { opensAt: Date; deadline: Date }[] {
  const bounds = eventDateBounds(dto.year, dto.timezone);
  const problems: string[] = [];
  const dates = dto.events.map((e, i) => {
    const row = `events[${i}] (№ ${e.number})`;
    const opensAt = localInstant(e.opensAt, dto.timezone, 'start');
    const deadline = localInstant(e.deadline, dto.timezone, 'end');
    for (const [field, value, instant] of [
      ['opensAt', e.opensAt, opensAt],
      ['deadline', e.deadline, deadline],
    ] as const) {
      if (!instant) problems.push(`${row}.${field}: дата «${value}» не существует`);
      else if (instant < bounds.from || instant > bounds.to)
        problems.push(
          `${row}.${field}: дата «${value}» вне цикла ${dto.year} года (допустимо с ${dto.year - 1} по ${dto.year + 1} год)`,
        );
    }
    if (opensAt && deadline && deadline <= opensAt)
      problems.push(`${row}: срок «${e.deadline}» должен быть позже начала «${e.opensAt}»`);
    return { opensAt: opensAt ?? new Date(NaN), deadline: deadline ?? new Date(NaN) };
  });
  if (problems.length) {
    throw new CycleException(CycleErrorCode.INVALID_EVENT_PERIOD, 'Сроки мероприятий заданы неверно', problems);
  }
  return dates;
}

function assertConsistent(dto: CreateCycleDto): void {
  const repeated = [
    ...repeatedValues(
      dto.events.map((e) => e.number),
      'events.number',
    ),
    ...repeatedValues(
      dto.schools.map((s) => s.name),
      'schools.name',
    ),
  ];
  if (repeated.length) {
    throw new CycleException(
      CycleErrorCode.DUPLICATE_ROW,
      'Номера мероприятий и названия школ должны быть уникальны',
      repeated,
    );
  }
}

function repeatedValues(values: string[], label: string): string[] {
  const seen = new Set<string>();
  return values.flatMap((v, i) => {
    const key = v.trim().toLowerCase();
    const repeated = seen.has(key);
    seen.add(key);
    return repeated ? [`${label}[${i}]: «${v}» повторяется`] : [];
  });
}

/** A municipal coordinator creates cycles of its own municipality only, with no school of another. */
function assertMayCreate(dto: CreateCycleDto, actor: Actor): void {
  const grants = requirePrincipal(actor).grants;
  const municipality = normaliseMunicipality(dto.municipality);
  if (!canManageMunicipality(grants, municipality)) {
    throw outOfScope(municipality ? `муниципалитет «${municipality}»` : 'региональный цикл (без поля municipality)');
  }
  const foreign = dto.schools
    .map((s, i) => ({ i, m: normaliseMunicipality(s.municipality) ?? municipality }))
    .filter(({ m }) => !canManageMunicipality(grants, m))
    .map(({ i, m }) => `schools[${i}].municipality: «${m ?? ''}» вне вашей области`);
  if (foreign.length) throw outOfScope('школы другого муниципалитета', foreign);
}

function facts({ cycle, schools, events }: StoredCycle) {
  return { municipality: cycle.municipality, schools, events };
}

function toView(
  { cycle, schools, events, schoolProgress, eventProgress }: StoredCycleView,
  access: CycleAccess,
): CycleView {
  const bySchool = new Map(schoolProgress.map((p) => [p.schoolId, p]));
  const byEvent = new Map(eventProgress.map((p) => [p.eventId, p]));
  const visibleSchools = schools.filter((s) => access.schoolIds.has(s.id));
  const visibleEvents = events.filter((e) => access.eventIds.has(e.id));
  // Projections refused for bad data: the coordinator sees them, not a silently frozen status.
  const alerts = [
    ...visibleSchools.flatMap((s) => {
      const problem = bySchool.get(s.id)?.projectionError;
      return problem ? [{ kind: 'school' as const, id: s.id, message: `Школа «${s.name}»: ${problem}` }] : [];
    }),
    ...visibleEvents.flatMap((e) => {
      const problem = byEvent.get(e.id)?.projectionError;
      return problem ? [{ kind: 'event' as const, id: e.id, message: `Мероприятие № ${e.number}: ${problem}` }] : [];
    }),
  ];
  return {
    alerts,
    id: cycle.id,
    title: cycle.title,
    year: cycle.year,
    timezone: cycle.timezone,
    municipality: cycle.municipality,
    schools: visibleSchools.map((s) => {
      const p = bySchool.get(s.id);
      return {
        id: s.id,
        name: s.name,
        category: s.category,
        municipality: s.municipality,
        stage: p?.stage ?? 'not_started',
        round: p?.round ?? 0,
        workflowId: schoolWorkflowId(cycle.id, s.id),
        updatedAt: p?.changedAt.toISOString() ?? null,
        projectionError: p?.projectionError ?? null,
      };
    }),
    events: visibleEvents.map((e) => {
      const p = byEvent.get(e.id);
      return {
        id: e.id,
        number: e.number,
        title: e.title,
        opensAt: e.opensAt.toISOString(),
        deadline: e.deadline.toISOString(),
        status: p?.status ?? 'not_started',
        remindersSent: p?.remindersSent ?? 0,
        workflowId: eventWorkflowId(cycle.id, e.id),
        updatedAt: p?.changedAt.toISOString() ?? null,
        projectionError: p?.projectionError ?? null,
      };
    }),
  };
}
