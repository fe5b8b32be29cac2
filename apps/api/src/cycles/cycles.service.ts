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
import { SCHOOL_STAGES } from '@orientir/domain';
import { eventWorkflowId, schoolWorkflowId, type SchoolCycleState } from '@orientir/contracts';
import { UserStore, CycleStore, type CycleView as StoredCycleView, type StoredCycle } from '@orientir/persistence';
import { WORKFLOW_GATEWAY, type StartOutcome, type WorkflowGateway } from '@orientir/temporal';
import type { CreateCycleDto } from './dto/create-cycle.dto';
import type { CycleSummaryView, CycleView, LaunchSummary } from './dto/cycle-view.dto';
import { CycleErrorCode, CycleException } from './cycle.exception';
import { AuditService } from '../audit/audit.service';
import { outOfScope } from '../auth/auth.exception';
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
    private readonly users: UserStore,
  ) {}

  /** Stores the cycle (all or nothing), then launches its workflows. */
  async create(dto: CreateCycleDto, actor: Actor): Promise<CycleView> {
    assertConsistent(dto);
    assertMayCreate(dto, actor);
    const stored = await this.store.create({
      title: dto.title.trim(),
      year: dto.year,
      timezone: dto.timezone,
      municipality: dto.municipality?.trim() || null,
      schools: dto.schools.map((s) => ({
        name: s.name.trim(),
        category: s.category,
        municipality: s.municipality?.trim() || null,
        emails: s.emails ?? [],
      })),
      events: dto.events.map((e) => ({
        number: e.number.trim(),
        title: e.title.trim(),
        opensAt: new Date(e.opensAt),
        deadline: new Date(e.deadline),
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
    if (!cycleAccess(requirePrincipal(actor).grants, facts(stored)).manage)
      throw outOfScope(`цикл «${stored.cycle.title}»`);
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

  /** The cycles the caller may read, newest first, with counts within its scope. */
  async list(actor: Actor): Promise<CycleSummaryView[]> {
    const grants = requirePrincipal(actor).grants;
    return (await this.store.list()).flatMap((stored) => {
      const access = cycleAccess(grants, facts(stored));
      if (!access.read) return [];
      const { cycle } = stored;
      return [
        {
          id: cycle.id,
          title: cycle.title,
          year: cycle.year,
          timezone: cycle.timezone,
          municipality: cycle.municipality,
          createdAt: cycle.createdAt.toISOString(),
          schools: stored.schools.filter((s) => access.schoolIds.has(s.id)).length,
          events: stored.events.filter((e) => access.eventIds.has(e.id)).length,
        },
      ];
    });
  }

  /** The view holds only the schools and events within the caller's scope. */
  async get(cycleId: string, actor: Actor): Promise<CycleView> {
    const view = await this.store.findView(cycleId);
    if (!view) throw notFound(cycleId);
    const access = cycleAccess(requirePrincipal(actor).grants, facts(view));
    if (!access.read) throw outOfScope(`цикл ${cycleId}`);
    const curators = await this.users.curatorsOfSchools([...access.schoolIds]);
    return toView(view, access, requirePrincipal(actor).grants, curators);
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
    const school = stored.schools.find((s) => s.id === schoolId);
    if (!school)
      throw new CycleException(
        CycleErrorCode.SCHOOL_NOT_FOUND,
        `Школа ${schoolId} не участвует в цикле «${stored.cycle.title}»`,
      );
    const municipality = schoolMunicipality(stored.cycle, school);
    const audit = {
      action: `school.stage.${dto.decision}`,
      targetType: 'school',
      targetId: schoolId,
      municipality,
      details: { cycleId, stage: dto.stage },
    };
    if (!canActOnStage(requirePrincipal(actor).grants, stored.cycle, school, dto.stage)) {
      throw outOfScope(`этап «${dto.stage}» школы «${school.name}»`);
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
function assertConsistent(dto: CreateCycleDto): void {
  const backwards = dto.events.flatMap((e, i) =>
    Date.parse(e.deadline) <= Date.parse(e.opensAt)
      ? [`events[${i}] (№ ${e.number}): срок «${e.deadline}» должен быть позже начала «${e.opensAt}»`]
      : [],
  );
  if (backwards.length) {
    throw new CycleException(CycleErrorCode.INVALID_EVENT_PERIOD, 'Сроки мероприятий заданы неверно', backwards);
  }
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
  const municipality = dto.municipality?.trim() || null;
  if (!canManageMunicipality(grants, municipality)) {
    throw outOfScope(municipality ? `муниципалитет «${municipality}»` : 'региональный цикл (без поля municipality)');
  }
  const foreign = dto.schools
    .map((s, i) => ({ i, m: s.municipality?.trim() || municipality }))
    .filter(({ m }) => !canManageMunicipality(grants, m))
    .map(({ i, m }) => `schools[${i}].municipality: «${m ?? ''}» вне вашей области`);
  if (foreign.length) throw outOfScope('школы другого муниципалитета', foreign);
}

function facts({ cycle, schools, events }: StoredCycle) {
  return { municipality: cycle.municipality, schools, events };
}

/** The decisions the caller may send for the school's current stage (return only from expertise). */
function stageActions(
  grants: Parameters<typeof canActOnStage>[0],
  cycle: StoredCycleView['cycle'],
  school: StoredCycleView['schools'][number],
  stage: string | undefined,
): ('advance' | 'return')[] {
  const current = SCHOOL_STAGES.find((s) => s === stage);
  if (!current || !canActOnStage(grants, cycle, school, current)) return [];
  return current === 'expertise' ? ['advance', 'return'] : ['advance'];
}

function toView(
  { cycle, schools, events, schoolProgress, eventProgress }: StoredCycleView,
  access: CycleAccess,
  grants: Parameters<typeof canActOnStage>[0],
  curators: ReadonlyMap<string, string[]>,
): CycleView {
  const bySchool = new Map(schoolProgress.map((p) => [p.schoolId, p]));
  const byEvent = new Map(eventProgress.map((p) => [p.eventId, p]));
  return {
    id: cycle.id,
    title: cycle.title,
    year: cycle.year,
    timezone: cycle.timezone,
    municipality: cycle.municipality,
    schools: schools
      .filter((s) => access.schoolIds.has(s.id))
      .map((s) => {
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
          actions: stageActions(grants, cycle, s, p?.stage),
          curators: curators.get(s.id) ?? [],
        };
      }),
    events: events
      .filter((e) => access.eventIds.has(e.id))
      .map((e) => {
        const p = byEvent.get(e.id);
        return {
          id: e.id,
          number: e.number,
          title: e.title,
          opensAt: e.opensAt.toISOString(),
          deadline: e.deadline.toISOString(),
          executors: e.executors.map((x) => x.name),
          status: p?.status ?? 'not_started',
          remindersSent: p?.remindersSent ?? 0,
          workflowId: eventWorkflowId(cycle.id, e.id),
          updatedAt: p?.changedAt.toISOString() ?? null,
        };
      }),
  };
}
