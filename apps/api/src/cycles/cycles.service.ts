import { Inject, Injectable, Logger } from '@nestjs/common';
import { cycleAccess, readsWholeCycle } from '@orientir/auth';
import { schoolWorkflowId } from '@orientir/contracts';
import {
  CycleStore,
  DirectoryStore,
  LaunchStore,
  SchoolListStore,
  SchoolYearStore,
  UserStore,
} from '@orientir/persistence';
import { WORKFLOW_GATEWAY, type WorkflowGateway } from '@orientir/temporal';
import type { CreateCycleDto } from './dto/create-cycle.dto';
import type { CycleSummaryView, CycleView } from './dto/cycle-view.dto';
import { CycleErrorCode, CycleException } from './cycle.exception';
import { assertMayCreateCycle } from './cycle-access.util';
import { assertConsistentCycle, resolveEventDates } from './cycle-input.validator';
import {
  directoryKey,
  escalationChainProblems,
  normaliseMunicipality,
  type EscalationStep,
  type PastOccurrencePolicy,
  type RoadmapEventDetails,
} from '@orientir/domain';
import { CycleLauncherService, toLaunchView } from './cycle-launcher.service';
import type { LaunchView } from './dto/launch-view.dto';
import type { SchoolListQueryDto, SchoolListView } from './dto/school-list.dto';
import type { AddSchoolDto, AddedSchoolView } from './dto/add-school.dto';
import { toSchoolListView } from './school-list.mapper';
import { cycleFacts, toCycleView, toEscalationChainView } from './cycle-view.mapper';
import type { EscalationChainDto, EscalationChainView, EscalationStepDto } from './dto/escalation-chain.dto';
import { AuditService } from '../audit/audit.service';
import { storedSchoolYearSettings } from '../schools/school-year-settings.util';
import { assertSchoolChoices } from './school-choices.validator';
import { RequestException, validationFailed } from '../common/request.exception';
import { hiddenOutOfScope, outOfScope } from '../auth/auth.exception';
import { requirePrincipal, type Actor } from '../auth/principal.model';

/** What a cycle made from a stored roadmap keeps per event, and the launch choice for its past occurrences (both index-aligned with dto.events). */
export interface RoadmapEventExtras {
  details: RoadmapEventDetails[];
  pastPolicies: PastOccurrencePolicy[];
}

/**
 * Cycle use cases: create, launch, read, move a school's stage. Input checks, access rules, starting
 * workflows and the view live beside it (cycle-input.validator, cycle-access.util, cycle-launcher.service,
 * cycle-view.mapper).
 */
@Injectable()
export class CyclesService {
  private readonly logger = new Logger(CyclesService.name);

  constructor(
    private readonly store: CycleStore,
    @Inject(WORKFLOW_GATEWAY) private readonly workflows: WorkflowGateway,
    private readonly launcher: CycleLauncherService,
    private readonly audit: AuditService,
    private readonly users: UserStore,
    private readonly directory: DirectoryStore,
    private readonly launches: LaunchStore,
    private readonly schoolList: SchoolListStore,
    private readonly people: SchoolYearStore,
  ) {}

  /**
   * Stores the cycle with a pending launch (all or nothing) and hands the launch to its workflow; answers
   * at once, before any school or event workflow has started (progress: GET /cycles/:id/launch).
   */
  async create(dto: CreateCycleDto, actor: Actor, fromRoadmap?: RoadmapEventExtras): Promise<CycleView> {
    const dates = resolveEventDates(dto);
    assertConsistentCycle(dto);
    const escalationChain = dto.escalationChain ? checkedChain(dto.escalationChain, 'escalationChain') : null;
    await assertMayCreateCycle(dto, actor, this.directory);
    const guesses = await assertSchoolChoices(dto.municipality, dto.schools, this.directory);
    const schoolYearSettings = dto.schoolYear ? schoolYearOfCycle(dto.schoolYear) : null;
    const stored = await this.store.create({
      schoolYearSettings,
      title: dto.title.trim(),
      year: dto.year,
      timezone: dto.timezone,
      municipality: normaliseMunicipality(dto.municipality),
      escalationChain,
      schools: dto.schools.map((s) => ({
        name: s.name.trim(),
        category: s.category,
        municipality: normaliseMunicipality(s.municipality),
        emails: s.emails ?? [],
        directorySchoolId: s.directorySchoolId ?? null,
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
        ...(fromRoadmap?.details[i] ?? {}),
        pastPolicy: fromRoadmap?.pastPolicies[i] ?? 'late',
      })),
      curators: (dto.curators ?? []).map((c) => ({
        name: c.name.trim(),
        position: c.position?.trim() || null,
        workplace: c.workplace?.trim() || null,
        email: c.email?.toLowerCase() ?? null,
        schools: c.schools,
      })),
      launchId: this.launcher.newLaunchId(),
    });
    await this.audit.record(actor, {
      action: 'cycle.create',
      outcome: 'success',
      targetType: 'cycle',
      targetId: stored.cycle.id,
      municipality: stored.cycle.municipality,
      // Spellings a person confirmed as directory schools: the directory now knows them as aliases.
      details: {
        confirmedSchools: dto.schools.flatMap((s) =>
          s.directorySchoolId ? [{ name: s.name.trim(), directorySchoolId: s.directorySchoolId }] : [],
        ),
        // Names only like a directory school's that the request did not answer about: made new schools.
        newSchoolsLikeKnown: guesses,
      },
    });
    const pending = await this.launches.findLatest(stored.cycle.id);
    const launch = pending ? toLaunchView(await this.launcher.begin(pending)) : undefined;
    return { ...(await this.get(stored.cycle.id, actor)), launch };
  }

  /**
   * A relaunch: starts what is missing and restarts failed or terminated workflows, never a second
   * copy of a running one; while a launch runs, answers that launch.
   */
  async launch(cycleId: string, actor: Actor): Promise<LaunchView> {
    const stored = await this.store.find(cycleId);
    if (!stored) throw notFound(cycleId);
    const access = cycleAccess(requirePrincipal(actor).grants, cycleFacts(stored));
    if (!access.read) throw hiddenOutOfScope(notFound(cycleId));
    if (!access.manage) throw outOfScope('запуск этого цикла');
    const { launch, created } = await this.launcher.relaunch(cycleId);
    await this.audit.record(actor, {
      action: 'cycle.launch',
      outcome: 'success',
      targetType: 'cycle',
      targetId: cycleId,
      municipality: stored.cycle.municipality,
      details: { launchId: launch.id, created },
    });
    return toLaunchView(launch);
  }

  /**
   * A coordinator changes a running cycle's escalation chain. Stored only; the event and school
   * workflows read it at their next planning step (an overdue item's next letter), so nothing is
   * signalled and a letter already sent is never sent again.
   */
  async setEscalationChain(cycleId: string, dto: EscalationChainDto, actor: Actor): Promise<EscalationChainView> {
    const stored = await this.store.find(cycleId);
    if (!stored) throw notFound(cycleId);
    const access = cycleAccess(requirePrincipal(actor).grants, cycleFacts(stored));
    if (!access.read) throw hiddenOutOfScope(notFound(cycleId));
    if (!access.manage) throw outOfScope('цепочку эскалации этого цикла');
    const chain = checkedChain(dto.steps, 'steps');
    await this.store.setEscalationChain(cycleId, chain);
    await this.audit.record(actor, {
      action: 'cycle.escalation_chain.set',
      outcome: 'success',
      targetType: 'cycle',
      targetId: cycleId,
      municipality: stored.cycle.municipality,
      details: { before: toEscalationChainView(stored.cycle.escalationChain, true).steps, after: chain },
    });
    return toEscalationChainView(chain, true);
  }

  /** The cycle's newest launch and how far it got, from PostgreSQL. */
  async getLaunch(cycleId: string, actor: Actor): Promise<LaunchView> {
    const stored = await this.store.find(cycleId);
    if (!stored) throw notFound(cycleId);
    if (!cycleAccess(requirePrincipal(actor).grants, cycleFacts(stored)).read)
      throw hiddenOutOfScope(notFound(cycleId));
    const launch = await this.launches.findLatest(cycleId);
    if (!launch) {
      throw new CycleException(CycleErrorCode.LAUNCH_NOT_FOUND, `Цикл ${cycleId} еще не запускался`);
    }
    return toLaunchView(launch);
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
    const { userId } = requirePrincipal(actor);
    return toCycleView(view, access, grants, curators, { userId, personId: await this.people.personIdOfUser(userId) });
  }

  /**
   * A school joins a running cycle: stored (with its directory entry and curators), then its workflow is
   * started by its deterministic ID. If Temporal cannot be reached the school stays stored and a relaunch
   * starts it.
   */
  async addSchool(cycleId: string, dto: AddSchoolDto, actor: Actor): Promise<AddedSchoolView> {
    const stored = await this.store.find(cycleId);
    if (!stored) throw notFound(cycleId);
    const access = cycleAccess(requirePrincipal(actor).grants, cycleFacts(stored));
    if (!access.read) throw hiddenOutOfScope(notFound(cycleId));
    if (!access.manage) throw outOfScope('состав этого цикла');
    // The creation rule: nobody adds a school of a municipality outside their own scope.
    await assertMayCreateCycle(
      { municipality: stored.cycle.municipality ?? undefined, schools: [dto] } as CreateCycleDto,
      actor,
      this.directory,
    );
    await assertSchoolChoices(stored.cycle.municipality, [dto], this.directory, () => 'school');
    const name = dto.name.trim();
    if (stored.schools.some((s) => directoryKey(s.name) === directoryKey(name))) {
      throw new CycleException(CycleErrorCode.DUPLICATE_ROW, `Школа «${name}» уже участвует в цикле`, [
        `name: «${name}» уже есть в цикле`,
      ]);
    }
    const school = await this.store.addSchool(
      cycleId,
      {
        name,
        category: dto.category,
        municipality: normaliseMunicipality(dto.municipality) ?? null,
        emails: dto.emails ?? [],
        directorySchoolId: dto.directorySchoolId ?? null,
      },
      (dto.curators ?? []).map((c) => ({
        name: c.name.trim(),
        position: c.position?.trim() || null,
        workplace: c.workplace?.trim() || null,
        email: c.email?.toLowerCase() ?? null,
        schools: [name],
      })),
    );
    let started = true;
    try {
      await this.workflows.startSchoolWorkflow({ cycleId, schoolId: school.id, municipality: school.municipality });
    } catch (error) {
      this.logger.warn(`School ${school.id} added to cycle ${cycleId}, its workflow not started yet: ${String(error)}`);
      started = false;
    }
    await this.audit.record(actor, {
      action: 'cycle.school.add',
      outcome: 'success',
      targetType: 'school',
      targetId: school.id,
      municipality: school.municipality ?? stored.cycle.municipality,
      details: { cycleId, name, started },
    });
    return {
      id: school.id,
      name: school.name,
      category: school.category,
      municipality: school.municipality,
      directorySchoolId: school.directorySchoolId,
      workflowId: schoolWorkflowId(cycleId, school.id),
      started,
    };
  }

  /** One page of the cycle's schools within the caller's scope, with counts per municipality and stage. */
  async listSchools(cycleId: string, query: SchoolListQueryDto, actor: Actor): Promise<SchoolListView> {
    const grants = requirePrincipal(actor).grants;
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 50;
    const list = (visible: string[] | null) =>
      this.schoolList.list(cycleId, visible, {
        municipality: query.municipality,
        stage: query.stage,
        category: query.category,
        overdue: query.overdue === undefined ? undefined : query.overdue === 'true',
        curator: query.curator,
        search: query.search,
        sort: query.sort ?? 'name',
        direction: query.direction ?? 'asc',
        page,
        pageSize,
      });
    if (readsWholeCycle(grants)) {
      // A region-wide reader sees every school: the cycle row and the page at once (the dashboard's hot path).
      const [cycle, found] = await Promise.all([this.store.findCycle(cycleId), list(null)]);
      if (!cycle) throw notFound(cycleId);
      return toSchoolListView(cycleId, found, page, pageSize);
    }
    const stored = await this.store.find(cycleId);
    if (!stored) throw notFound(cycleId);
    const access = cycleAccess(grants, cycleFacts(stored));
    if (!access.read) throw hiddenOutOfScope(notFound(cycleId));
    const found = await list(access.schoolIds.size === stored.schools.length ? null : [...access.schoolIds]);
    return toSchoolListView(cycleId, found, page, pageSize);
  }
}

/** The schools' year sent with a new cycle; a rule the DTO cannot check answers like any bad field (400). */
function schoolYearOfCycle(settings: NonNullable<CreateCycleDto['schoolYear']>) {
  try {
    return storedSchoolYearSettings(settings, 'schoolYear.');
  } catch (error) {
    if (error instanceof RequestException) throw error;
    if (error instanceof Error) throw validationFailed(error.message, [error.message]);
    throw error;
  }
}

function notFound(cycleId: string): CycleException {
  return new CycleException(CycleErrorCode.NOT_FOUND, `Цикл ${cycleId} не найден`);
}

/** The rules across steps (the DTO checks each step): Russian problems, each naming the field and step. */
function checkedChain(steps: readonly EscalationStepDto[], field: string): EscalationStep[] {
  const chain = steps.map((s) => ({ level: s.level, afterWorkingDays: s.afterWorkingDays }));
  const problems = escalationChainProblems(chain);
  if (problems.length) {
    throw validationFailed(
      'Цепочка эскалации задана неверно',
      problems.map((p) => `${field}: ${p}`),
    );
  }
  return chain;
}
