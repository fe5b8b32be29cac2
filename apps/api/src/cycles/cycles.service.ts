import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@orientir/config';
import { eventWorkflowId, schoolWorkflowId } from '@orientir/contracts';
import { CycleStore, type CycleView as StoredCycleView, type StoredCycle } from '@orientir/persistence';
import { WORKFLOW_GATEWAY, type StartOutcome, type WorkflowGateway } from '@orientir/temporal';
import type { CreateCycleDto } from './dto/create-cycle.dto';
import type { CycleView, LaunchSummary } from './dto/cycle-view.dto';
import { CycleErrorCode, CycleException } from './cycle.exception';

@Injectable()
export class CyclesService {
  private readonly logger = new Logger(CyclesService.name);

  constructor(
    private readonly store: CycleStore,
    @Inject(WORKFLOW_GATEWAY) private readonly workflows: WorkflowGateway,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Stores the cycle (all or nothing), then launches its workflows. */
  async create(dto: CreateCycleDto): Promise<CycleView> {
    assertConsistent(dto);
    const stored = await this.store.create({
      title: dto.title.trim(),
      year: dto.year,
      timezone: dto.timezone,
      schools: dto.schools.map((s) => ({ name: s.name.trim(), category: s.category, municipality: s.municipality?.trim() || null, emails: s.emails ?? [] })),
      events: dto.events.map((e) => ({
        number: e.number.trim(),
        title: e.title.trim(),
        opensAt: new Date(e.opensAt),
        deadline: new Date(e.deadline),
        executors: e.executors.map((x) => ({ name: x.name.trim(), email: x.email?.toLowerCase() ?? null })),
      })),
    });
    const launch = await this.startWorkflows(stored);
    return { ...(await this.get(stored.cycle.id)), launch };
  }

  /** Idempotent: workflows that already exist are left alone. */
  async launch(cycleId: string): Promise<CycleView> {
    const stored = await this.store.find(cycleId);
    if (!stored) throw notFound(cycleId);
    const launch = await this.startWorkflows(stored);
    return { ...(await this.get(cycleId)), launch };
  }

  async get(cycleId: string): Promise<CycleView> {
    const view = await this.store.findView(cycleId);
    if (!view) throw notFound(cycleId);
    return toView(view);
  }

  private async startWorkflows({ cycle, schools, events }: StoredCycle): Promise<LaunchSummary> {
    const outcomes: StartOutcome[] = [];
    try {
      for (const school of schools) {
        outcomes.push(
          await this.workflows.startSchoolWorkflow({ cycleId: cycle.id, schoolId: school.id, municipality: school.municipality }),
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
    return { started: outcomes.filter((o) => o === 'started').length, existing: outcomes.filter((o) => o === 'existing').length };
  }
}

function notFound(cycleId: string): CycleException {
  return new CycleException(CycleErrorCode.NOT_FOUND, `Цикл ${cycleId} не найден`);
}

/** Cross-field checks that DTO decorators cannot express; each names the row. */
function assertConsistent(dto: CreateCycleDto): void {
  const problems: string[] = [];
  dto.events.forEach((e, i) => {
    if (Date.parse(e.deadline) <= Date.parse(e.opensAt)) {
      problems.push(`events[${i}] (№ ${e.number}): срок «${e.deadline}» должен быть позже начала «${e.opensAt}»`);
    }
  });
  const dup = (values: string[], label: string) => {
    const seen = new Set<string>();
    values.forEach((v, i) => {
      const key = v.trim().toLowerCase();
      if (seen.has(key)) problems.push(`${label}[${i}]: «${v}» повторяется`);
      seen.add(key);
    });
  };
  dup(dto.events.map((e) => e.number), 'events.number');
  dup(dto.schools.map((s) => s.name), 'schools.name');
  if (problems.length) {
    throw new CycleException(CycleErrorCode.INVALID_EVENT_PERIOD, "Дорожная карта содержит ошибки", problems);
  }
}

function toView({ cycle, schools, events, schoolProgress, eventProgress }: StoredCycleView): CycleView {
  const bySchool = new Map(schoolProgress.map((p) => [p.schoolId, p]));
  const byEvent = new Map(eventProgress.map((p) => [p.eventId, p]));
  return {
    id: cycle.id,
    title: cycle.title,
    year: cycle.year,
    timezone: cycle.timezone,
    schools: schools.map((s) => {
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
      };
    }),
    events: events.map((e) => {
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
      };
    }),
  };
}
