import { Injectable } from '@nestjs/common';
import { cycleAccess } from '@orientir/auth';
import { CycleStore, DirectoryStore, UserStore } from '@orientir/persistence';
import type { CreateCycleDto } from './dto/create-cycle.dto';
import type { CycleSummaryView, CycleView } from './dto/cycle-view.dto';
import { CycleErrorCode, CycleException } from './cycle.exception';
import { assertMayCreateCycle } from './cycle-access.util';
import { assertConsistentCycle, resolveEventDates } from './cycle-input.validator';
import { normaliseMunicipality } from '@orientir/domain';
import { CycleLauncherService } from './cycle-launcher.service';
import { cycleFacts, toCycleView } from './cycle-view.mapper';
import { AuditService } from '../audit/audit.service';
import { hiddenOutOfScope, outOfScope } from '../auth/auth.exception';
import { requirePrincipal, type Actor } from '../auth/principal.model';

/**
 * Cycle use cases: create, launch, read (a school's year: SchoolYearService). Input checks, access rules, starting
 * workflows and the view live beside it (cycle-input.validator, cycle-access.util, cycle-launcher.service,
 * cycle-view.mapper).
 */
@Injectable()
export class CyclesService {
  constructor(
    private readonly store: CycleStore,
    private readonly launcher: CycleLauncherService,
    private readonly audit: AuditService,
    private readonly users: UserStore,
    private readonly directory: DirectoryStore,
  ) {}

  /** Stores the cycle (all or nothing), then launches its workflows. */
  async create(dto: CreateCycleDto, actor: Actor): Promise<CycleView> {
    const dates = resolveEventDates(dto);
    assertConsistentCycle(dto);
    await assertMayCreateCycle(dto, actor, this.directory);
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
        executors: e.executors.map((x) => ({
          name: x.name.trim(),
          email: x.email?.toLowerCase() ?? null,
          organisationId: x.organisationId ?? null,
        })),
      })),
      curators: (dto.curators ?? []).map((c) => ({
        name: c.name.trim(),
        position: c.position?.trim() || null,
        workplace: c.workplace?.trim() || null,
        email: c.email?.toLowerCase() ?? null,
        schools: c.schools,
      })),
    });
    await this.audit.record(actor, {
      action: 'cycle.create',
      outcome: 'success',
      targetType: 'cycle',
      targetId: stored.cycle.id,
      municipality: stored.cycle.municipality,
    });
    const launch = await this.launcher.start(stored);
    return { ...(await this.get(stored.cycle.id, actor)), launch };
  }

  /** Idempotent: workflows that already exist are left alone. */
  async launch(cycleId: string, actor: Actor): Promise<CycleView> {
    const stored = await this.store.find(cycleId);
    if (!stored) throw notFound(cycleId);
    const access = cycleAccess(requirePrincipal(actor).grants, cycleFacts(stored));
    if (!access.read) throw hiddenOutOfScope(notFound(cycleId));
    if (!access.manage) throw outOfScope('запуск этого цикла');
    const launch = await this.launcher.start(stored);
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
      const access = cycleAccess(grants, cycleFacts(stored));
      if (!access.read) return [];
      const { cycle } = stored;
      const reportedSchools = new Set(stored.schoolProgress.map((p) => p.schoolId));
      const reportedEvents = new Set(stored.eventProgress.map((p) => p.eventId));
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
          overdueEvents: stored.eventProgress.filter((p) => access.eventIds.has(p.eventId) && p.status === 'overdue')
            .length,
          pendingWorkflows:
            stored.schools.filter((s) => access.schoolIds.has(s.id) && !reportedSchools.has(s.id)).length +
            stored.events.filter((e) => access.eventIds.has(e.id) && !reportedEvents.has(e.id)).length,
        },
      ];
    });
  }

  /** The view holds only the schools and events within the caller's scope, with what the caller may do. */
  async get(cycleId: string, actor: Actor): Promise<CycleView> {
    const view = await this.store.findView(cycleId);
    if (!view) throw notFound(cycleId);
    const grants = requirePrincipal(actor).grants;
    const access = cycleAccess(grants, cycleFacts(view));
    if (!access.read) throw hiddenOutOfScope(notFound(cycleId));
    // Curator grants name directory schools: the same curators show in every cycle the school joins.
    const curators = await this.users.curatorsOfSchools(
      view.schools.flatMap((s) => (access.schoolIds.has(s.id) && s.directorySchoolId ? [s.directorySchoolId] : [])),
    );
    return toCycleView(view, access, grants, curators);
  }
}

function notFound(cycleId: string): CycleException {
  return new CycleException(CycleErrorCode.NOT_FOUND, `Цикл ${cycleId} не найден`);
}
