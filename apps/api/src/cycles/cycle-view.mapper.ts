import { schoolMunicipality, type CycleAccess, type RoleGrant } from '@orientir/auth';
import {
  availableSchoolActions,
  executorGroupLabel,
  executorGroupOf,
  samePerson,
  schoolActorRoles,
  type SchoolActionFacts,
  type SchoolYearActionKind,
} from '@orientir/domain';
import { DEFAULT_ESCALATION_CHAIN, type EscalationStep } from '@orientir/domain';
import { eventWorkflowId, schoolWorkflowId } from '@orientir/contracts';
import type { CycleView as StoredCycleView, EventExecutorRecord, StoredCycle } from '@orientir/persistence';
import type { CycleView, EventExecutorView } from './dto/cycle-view.dto';
import type { ExecutorGroupView } from '../directory/dto/directory.view';
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

/** The school-year actions the caller can take on the school now (the shared rule of libs/domain). */
function schoolActions(
  grants: readonly RoleGrant[],
  person: CallerPerson,
  cycle: StoredCycleView['cycle'],
  school: StoredCycleView['schools'][number],
  state: SchoolActionFacts | null | undefined,
): SchoolYearActionKind[] {
  if (!state) return [];
  const roles = schoolActorRoles(grants, {
    schoolId: school.id,
    directorySchoolId: school.directorySchoolId,
    municipalityId: schoolMunicipality(cycle, school),
  });
  return availableSchoolActions(state, { ...roles, person });
}

/** The caller as the school's assignment names people: its account, and its directory person if any. */
export interface CallerPerson {
  userId: string;
  personId: string | null;
}

/**
 * The API view of a cycle: only the schools and events the caller may see, each school with the
 * actions the caller may take and the curators granted it.
 */
export function toCycleView(
  {
    cycle,
    schools,
    events,
    schoolProgress,
    eventProgress,
    organisationsWithoutAddressee,
    groupRecipients,
  }: StoredCycleView,
  access: CycleAccess,
  grants: readonly RoleGrant[],
  curators: ReadonlyMap<string, string[]>,
  person: CallerPerson,
): CycleView {
  const groupOf = (x: EventExecutorRecord): ExecutorGroupView | null => {
    const group = executorGroupOf(x.name);
    return (
      group && { kind: group.kind, label: executorGroupLabel(group), recipients: groupRecipients.get(x.name) ?? 0 }
    );
  };
  const addressee = (x: EventExecutorRecord): EventExecutorView['addressee'] => {
    const reached = !!x.organisationId && !organisationsWithoutAddressee.has(x.organisationId);
    const group = groupOf(x);
    if (group) return reached || (group.recipients ?? 0) > 0 ? 'ok' : 'no_addressee';
    return !x.organisationId ? 'unmatched' : reached ? 'ok' : 'no_addressee';
  };
  const executors = events.filter((e) => access.eventIds.has(e.id)).flatMap((e) => e.executors);
  const executorGroups = [...new Map(executors.map((x) => [x.name, x])).values()].flatMap((x) => {
    const group = groupOf(x);
    return group ? [{ name: x.name, ...group }] : [];
  });
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
        actions: schoolActions(grants, person, cycle, s, p?.state),
        curatorUserId: p?.curator?.userId ?? null,
        reviewerUserIds: reviewers(p?.state, person),
        curators: (s.directorySchoolId && curators.get(s.directorySchoolId)) || [],
      };
    }),
    unmatchedExecutors: namesWith('unmatched'),
    executorsWithoutAddressee: namesWith('no_addressee'),
    executorGroups: executorGroups.sort((a, b) => a.name.localeCompare(b.name)),
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
          group: groupOf(x),
        })),
        workflowId: eventWorkflowId(cycle.id, e.id),
        updatedAt: p?.changedAt.toISOString() ?? null,
        projectionError: p?.projectionError ?? null,
      };
    }),
  };
}

/**
 * Who reviews the school's work now: its curator, and the experts of documents on review; the caller
 * too when the assignment names its directory person (named before the person had an account).
 */
function reviewers(state: SchoolActionFacts | null | undefined, caller: CallerPerson): string[] {
  if (!state) return [];
  const assigned = [state.curator, ...state.documents.filter((d) => d.status === 'submitted').map((d) => d.expert)];
  const ids = [
    ...assigned.map((p) => p?.userId),
    assigned.some((p) => !!p && samePerson(p, caller)) ? caller.userId : null,
  ];
  return [...new Set(ids.filter((id): id is string => !!id))];
}
