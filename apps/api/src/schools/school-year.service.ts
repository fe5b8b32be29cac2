import { Inject, Injectable, Logger } from '@nestjs/common';
import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { cycleAccess, schoolMunicipality, type RoleGrant } from '@orientir/auth';
import {
  schoolWorkflowId,
  type SchoolActor,
  type SchoolYearActionType,
  type SchoolYearRequest,
  type SchoolYearState,
} from '@orientir/contracts';
import {
  availableSchoolActions,
  decidesDocument,
  DEFAULT_RISK_DIRECTIONS,
  localInstant,
  samePerson,
  schoolActorRoles,
} from '@orientir/domain';
import { SchoolYearStore, type SchoolInCycle } from '@orientir/persistence';
import { WORKFLOW_GATEWAY, type WorkflowGateway } from '@orientir/temporal';
import { AuditService } from '../audit/audit.service';
import { hiddenOutOfScope, outOfScope } from '../auth/auth.exception';
import { requirePrincipal, type Actor } from '../auth/principal.model';
import type { PersonChoiceDto } from './dto/school-action.dto';
import type { SchoolYearSettingsDto, SchoolYearSettingsView } from './dto/school-year-settings.dto';
import type { SchoolTimelineView, SchoolYearView } from './dto/school-year.view';
import { SCHOOL_FILES, type SchoolFilesPort } from './school-files.port';
import { SchoolErrorCode, SchoolException } from './school.exception';
import { storedSchoolYearSettings } from './school-year-settings.util';

/** What a route sends besides the actor: the request of its action. */
type ActionBody<T extends SchoolYearActionType> = Omit<SchoolYearRequest<T>, 'actor'>;

/**
 * The school's year over HTTP: reads come from the read model (PostgreSQL); every action is sent to
 * the school's workflow as an Update naming the caller, and answers the workflow's new state (the
 * projection is written before the Update returns). Scope is checked here; the workflow checks the
 * caller against the school's assignment (team, curator, expert, coordinator) and the stage.
 */
@Injectable()
export class SchoolYearService {
  private readonly logger = new Logger(SchoolYearService.name);

  constructor(
    private readonly store: SchoolYearStore,
    @Inject(WORKFLOW_GATEWAY) private readonly workflows: WorkflowGateway,
    @Inject(SCHOOL_FILES) private readonly files: SchoolFilesPort,
    private readonly audit: AuditService,
  ) {}

  async read(schoolId: string, actor: Actor): Promise<SchoolYearView> {
    const found = await this.visibleSchool(schoolId, actor);
    const progress = await this.store.progress(schoolId);
    const principal = requirePrincipal(actor);
    const { school, cycle } = found;
    const roles = schoolActorRoles(principal.grants, {
      schoolId,
      directorySchoolId: school.directorySchoolId,
      municipalityId: schoolMunicipality(cycle, school),
    });
    const state = progress?.state ?? null;
    const person = { userId: principal.userId, personId: await this.store.personIdOfUser(principal.userId) };
    return {
      schoolId,
      cycleId: cycle.id,
      schoolName: school.name,
      cycleTitle: cycle.title,
      municipality: school.municipality ?? cycle.municipality,
      timezone: cycle.timezone,
      state,
      capacities: {
        schoolTeam: roles.schoolTeam,
        curator: !!state?.curator && samePerson(state.curator, person),
        coordinator: roles.coordinator,
      },
      actions: state ? availableSchoolActions(state, { ...roles, person }) : [],
      reviewDocuments: state
        ? state.documents.filter((d) => d.status === 'submitted' && decidesDocument(state, d, person)).map((d) => d.key)
        : [],
    };
  }

  async timeline(schoolId: string, actor: Actor): Promise<SchoolTimelineView> {
    await this.visibleSchool(schoolId, actor);
    const rows = await this.store.timeline(schoolId);
    return {
      schoolId,
      steps: rows.map((r) => ({
        step: r.step,
        at: r.at.toISOString(),
        action: r.action as SchoolTimelineView['steps'][number]['action'],
        stage: r.stage as SchoolYearState['stage'],
        round: r.round,
        actor: r.actorName ? { userId: r.actorUserId, name: r.actorName } : null,
        documentKey: r.documentKey,
        remarks: r.remarks,
        files: r.files,
        details: r.details,
      })),
    };
  }

  /** Sends one action; files named by the request must be the school's uploads. */
  async act<T extends SchoolYearActionType>(
    schoolId: string,
    actor: Actor,
    type: T,
    body: ActionBody<T>,
    fileIds: string[] = [],
  ): Promise<SchoolYearState> {
    const found = await this.visibleSchool(schoolId, actor);
    const { school, cycle } = found;
    const audit = {
      action: `school.${type}`,
      targetType: 'school',
      targetId: schoolId,
      municipality: school.municipality ?? cycle.municipality,
      details: { cycleId: cycle.id },
    };
    if (fileIds.length) {
      const missing = await this.files.missing([...new Set(fileIds)], { schoolId });
      if (missing.length) {
        throw new SchoolException(
          SchoolErrorCode.FILE_NOT_FOUND,
          `Файлы не найдены среди загруженных файлов школы: ${missing.join(', ')}`,
          missing.map((id) => `fileId: ${id}`),
        );
      }
    }
    const principal = requirePrincipal(actor);
    const schoolActor: SchoolActor = {
      userId: principal.userId,
      personId: await this.store.personIdOfUser(principal.userId),
      name: principal.displayName,
      grants: principal.grants.map((g: RoleGrant) => ({ ...g })),
    };
    try {
      const state = await this.workflows.schoolAction(cycle.id, schoolId, type, {
        ...body,
        actor: schoolActor,
      } as SchoolYearRequest<T>);
      await this.audit.record(actor, { ...audit, outcome: 'success' });
      return state;
    } catch (error) {
      await this.audit.record(actor, {
        ...audit,
        outcome: 'failure',
        details: { ...audit.details, error: String(error) },
      });
      if (error instanceof WorkflowUpdateFailedError) {
        throw new SchoolException(
          SchoolErrorCode.ACTION_REJECTED,
          error.cause?.message ?? 'Процесс школы отклонил действие',
        );
      }
      if (error instanceof WorkflowNotFoundError) {
        throw new SchoolException(
          SchoolErrorCode.NOT_RUNNING,
          'Процесс этой школы не запущен или уже закрыт: запустите цикл или проверьте его состояние',
        );
      }
      this.logger.error(`${type} for ${schoolWorkflowId(cycle.id, schoolId)} failed: ${String(error)}`);
      throw new SchoolException(
        SchoolErrorCode.WORKFLOW_UNAVAILABLE,
        'Процесс школы сейчас недоступен, повторите позже',
      );
    }
  }

  /** A directory person or an account, as the workflow names people. */
  async person(choice: PersonChoiceDto, field: string) {
    if (!choice.personId && !choice.userId) {
      throw new SchoolException(SchoolErrorCode.PERSON_NOT_FOUND, `${field}: укажите personId или userId`);
    }
    const person = await this.store.person(choice);
    if (!person) {
      throw new SchoolException(
        SchoolErrorCode.PERSON_NOT_FOUND,
        `${field}: человек ${choice.personId ?? choice.userId} не найден в справочнике`,
      );
    }
    return person;
  }

  /** A due date as sent: an instant, or a date meaning the end of that day in the cycle's zone. */
  async dueInstant(schoolId: string, value: string): Promise<string> {
    const found = await this.store.findSchool(schoolId);
    const instant = found ? localInstant(value, found.cycle.timezone, 'end') : null;
    return (instant ?? new Date(value)).toISOString();
  }

  async settings(cycleId: string, actor: Actor): Promise<SchoolYearSettingsView> {
    await this.assertCycleAccess(cycleId, actor, false);
    const stored = await this.store.settings(cycleId);
    return {
      cycleId,
      editable: (await this.store.startedSchools(cycleId)) === 0,
      riskDirections: stored?.riskDirections ?? DEFAULT_RISK_DIRECTIONS.map((d) => ({ ...d })),
      dueDates: stored?.dueDates ?? {},
      reviewWorkingDays: stored?.reviewWorkingDays ?? 10,
      checkpointRhythm: stored?.checkpointRhythm ?? 'quarterly',
      checkpointDates: stored?.checkpointDates ?? [],
    };
  }

  async saveSettings(cycleId: string, dto: SchoolYearSettingsDto, actor: Actor): Promise<SchoolYearSettingsView> {
    await this.assertCycleAccess(cycleId, actor, true);
    if ((await this.store.startedSchools(cycleId)) > 0) {
      throw new SchoolException(
        SchoolErrorCode.SETTINGS_LOCKED,
        'Школы цикла уже начали работу: сроки и направления меняются только до запуска (продление срока — на странице школы)',
      );
    }
    await this.store.saveSettings({ cycleId, ...storedSchoolYearSettings(dto) });
    await this.audit.record(actor, {
      action: 'cycle.school_year_settings',
      outcome: 'success',
      targetType: 'cycle',
      targetId: cycleId,
      municipality: null,
    });
    return this.settings(cycleId, actor);
  }

  /** The cycle exists and the caller reads it (write: manages it); outside the scope it answers like a missing one. */
  async assertCycleAccess(cycleId: string, actor: Actor, write: boolean): Promise<void> {
    const found = await this.store.cycle(cycleId);
    const notFound = () => new SchoolException(SchoolErrorCode.NOT_FOUND, `Цикл ${cycleId} не найден`);
    if (!found) throw notFound();
    const grants = requirePrincipal(actor).grants;
    const access = cycleAccess(grants, { municipalityId: found.municipalityId, schools: [], events: [] });
    if (!access.read && !access.manage) throw hiddenOutOfScope(notFound());
    if (write && !access.manage) throw outOfScope('настройки года школ этого цикла');
  }

  /** The school, if the caller may see it; outside the scope it answers exactly like a missing one. */
  private async visibleSchool(schoolId: string, actor: Actor): Promise<SchoolInCycle> {
    const found = await this.store.findSchool(schoolId);
    const notFound = () => new SchoolException(SchoolErrorCode.NOT_FOUND, `Школа ${schoolId} не найдена`);
    if (!found) throw notFound();
    const access = cycleAccess(requirePrincipal(actor).grants, {
      municipalityId: found.cycle.municipalityId,
      schools: [found.school],
      events: [],
    });
    if (!access.schoolIds.has(schoolId)) throw hiddenOutOfScope(notFound());
    return found;
  }
}
