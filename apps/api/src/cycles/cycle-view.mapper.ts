import { canActOnStage, type CycleAccess, type RoleGrant } from '@orientir/auth';
import { DEFAULT_ESCALATION_CHAIN, SCHOOL_STAGES, type EscalationStep } from '@orientir/domain';
import { eventWorkflowId, schoolWorkflowId } from '@orientir/contracts';
import type { CycleView as StoredCycleView, EventExecutorRecord, StoredCycle } from '@orientir/persistence';
import type { CycleView, EventExecutorView } from './dto/cycle-view.dto';
import type { EscalationChainView } from './dto/escalation-chain.dto';

/** The chain a cycle follows: its own, else the default one. */
export function toEscalationChainView(stored: readonly EscalationStep[] | null, canEdit: boolean): EscalationChainView {
  const steps = stored ?? DEFAULT_ESCALATION_CHAIN;
  return {
    steps: steps.map((s) => ({ level: s.level, afterWorkingDays: s.afterWorkingDays })),
    isDefault: !stored,
    canEdit,
  };
}

/** What the access policy needs to know about a stored cycle. */
export function cycleFacts({ cycle, schools, events }: StoredCycle) {
  return { municipalityId: cycle.municipalityId, schools, events };
}

/** The decisions the caller may send for the school's current stage (return only from expertise). */
function stageActions(
  grants: readonly RoleGrant[],
  cycle: StoredCycleView['cycle'],
  school: StoredCycleView['schools'][number],
  stage: string | undefined,
): ('advance' | 'return')[] {
  const current = SCHOOL_STAGES.find((s) => s === stage);
  if (!current || !canActOnStage(grants, cycle, school, current)) return [];
  return current === 'expertise' ? ['advance', 'return'] : ['advance'];
}

/**
 * The API view of a cycle: only the schools and events the caller may see, each school with the
 * actions the caller may take and the curators granted it.
 */
export function toCycleView(
  { cycle, schools, events, schoolProgress, eventProgress, organisationsWithoutAddressee }: StoredCycleView,
  access: CycleAccess,
  grants: readonly RoleGrant[],
  curators: ReadonlyMap<string, string[]>,
): CycleView {
  const addressee = (x: EventExecutorRecord): EventExecutorView['addressee'] =>
    !x.organisationId ? 'unmatched' : organisationsWithoutAddressee.has(x.organisationId) ? 'no_addressee' : 'ok';
  const executors = events.filter((e) => access.eventIds.has(e.id)).flatMap((e) => e.executors);
  const namesWith = (state: EventExecutorView['addressee']): string[] =>
    [...new Set(executors.filter((x) => addressee(x) === state).map((x) => x.name))].sort();
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
        directorySchoolId: s.directorySchoolId,
        stage: p?.stage ?? 'not_started',
        round: p?.round ?? 0,
        workflowId: schoolWorkflowId(cycle.id, s.id),
        updatedAt: p?.changedAt.toISOString() ?? null,
        projectionError: p?.projectionError ?? null,
        actions: stageActions(grants, cycle, s, p?.stage),
        curators: (s.directorySchoolId && curators.get(s.directorySchoolId)) || [],
      };
    }),
    unmatchedExecutors: namesWith('unmatched'),
    executorsWithoutAddressee: namesWith('no_addressee'),
    escalationChain: toEscalationChainView(cycle.escalationChain, access.manage),
    events: visibleEvents.map((e) => {
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
        executorLinks: e.executors.map((x) => ({
          name: x.name,
          organisationId: x.organisationId ?? null,
          addressee: addressee(x),
        })),
        workflowId: eventWorkflowId(cycle.id, e.id),
        updatedAt: p?.changedAt.toISOString() ?? null,
        projectionError: p?.projectionError ?? null,
      };
    }),
  };
}
