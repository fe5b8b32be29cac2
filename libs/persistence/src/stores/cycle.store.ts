import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  directoryKey,
  executorGroupOf,
  type DirectorySchoolCategory,
  type EscalationStep,
  type PastOccurrencePolicy,
  type RoadmapIndicator,
  type RoadmapPeriod,
  type SchoolStage,
} from '@orientir/domain';
import { cycleLaunchWorkflowId } from '@orientir/contracts';
import { DirectoryStore } from './directory.store';
import type { Recipient } from './executor-group-recipients.util';
import { LaunchStore } from './launch.store';
import {
  CycleEntity,
  CycleSchoolSettingsEntity,
  EventProgressEntity,
  RoadmapEventEntity,
  SchoolEntity,
  SchoolProgressEntity,
  type EventExecutorRecord,
} from '../entities';

export interface NewCycle {
  title: string;
  year: number;
  timezone: string;
  /** Owning municipality; null for a region-wide cycle. */
  municipality?: string | null;
  /** Null or absent: the default chain. */
  escalationChain?: EscalationStep[] | null;
  /** The schools' year (review working days, stage dates…), stored with the cycle so every school starts with it. */
  schoolYearSettings?: Omit<CycleSchoolSettingsEntity, 'cycleId' | 'updatedAt'> | null;
  schools: {
    name: string;
    category: DirectorySchoolCategory;
    municipality: string | null;
    emails: string[];
    /** The directory school a person confirmed for this name; else found by name or alias, or made. */
    directorySchoolId?: string | null;
  }[];
  events: {
    number: string;
    title: string;
    opensAt: Date;
    deadline: Date;
    executors: EventExecutorRecord[];
    /** From the roadmap row; absent for events sent as plain dates. */
    section?: string | null;
    period?: RoadmapPeriod | null;
    indicator?: RoadmapIndicator | null;
    reportForm?: string | null;
    stage?: SchoolStage | null;
    pastPolicy?: PastOccurrencePolicy;
  }[];
  /** Curators (people of another school) and the participating schools, by name, they curate in this cycle. */
  curators?: NewCurator[];
  /** A launch stored pending in the same transaction, so a launch the API could not start is found and resumed. */
  launchId?: string;
}

export interface NewCurator {
  name: string;
  position: string | null;
  workplace: string | null;
  email: string | null;
  schools: string[];
}

export interface StoredCycle {
  cycle: CycleEntity;
  schools: SchoolEntity[];
  events: RoadmapEventEntity[];
}

export interface CycleView extends StoredCycle {
  schoolProgress: SchoolProgressEntity[];
  eventProgress: EventProgressEntity[];
  /** Executor organisations with no contact person who has an e-mail: «нет адресата». */
  organisationsWithoutAddressee: Set<string>;
  /** Executor names that stand for the cycle's schools or curators (executorGroupOf): how many addresses they reach. */
  groupRecipients: Map<string, number>;
}

export interface EventForReminder {
  cycle: CycleEntity;
  event: RoadmapEventEntity;
  /** From the directory: the event's assignees, else its executor organisations' contact people and cycle groups' people. */
  recipients: Recipient[];
}

@Injectable()
export class CycleStore {
  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: DirectoryStore,
    private readonly launches: LaunchStore,
  ) {}

  /**
   * All or nothing: a failed insert leaves no half-written cycle. Schools, executors and curators are
   * linked to directory entries (found, or made for schools and curators); an executor that matches
   * no organisation exactly or by alias stays unmatched, listed on the cycle.
   */
  async create(draft: NewCycle): Promise<StoredCycle> {
    return this.dataSource.transaction(async (manager) => {
      const owner = draft.municipality
        ? (await this.directory.ensureMunicipality(draft.municipality, manager)).row
        : null;
      const cycle = await manager.save(
        CycleEntity,
        manager.create(CycleEntity, {
          title: draft.title,
          year: draft.year,
          timezone: draft.timezone,
          municipality: draft.municipality ?? null,
          municipalityId: owner?.id ?? null,
          escalationChain: draft.escalationChain ?? null,
        }),
      );
      const rows = await this.schoolRows(cycle.id, owner?.id ?? null, draft.schools, manager);
      const schools = await manager.save(SchoolEntity, rows);
      const events: RoadmapEventEntity[] = [];
      for (const e of draft.events) {
        const executors: EventExecutorRecord[] = [];
        for (const x of e.executors) executors.push(await this.linkExecutor(owner?.id ?? null, x, manager));
        events.push(manager.create(RoadmapEventEntity, { ...e, executors, cycleId: cycle.id }));
      }
      const saved = await manager.save(RoadmapEventEntity, events);
      await this.assignCurators(cycle.id, owner?.id ?? null, draft.curators ?? [], schools, manager);
      if (draft.schoolYearSettings) {
        await manager.save(CycleSchoolSettingsEntity, { ...draft.schoolYearSettings, cycleId: cycle.id });
      }
      if (draft.launchId) {
        await this.launches.createPending(
          { id: draft.launchId, cycleId: cycle.id, workflowId: cycleLaunchWorkflowId(cycle.id, draft.launchId) },
          manager,
        );
      }
      return { cycle, schools, events: saved };
    });
  }

  /**
   * A school joins a running cycle: its row, linked to the directory like at creation, and its curators
   * (all or nothing). A name the cycle already has is refused by the unique index (the caller maps it).
   */
  async addSchool(
    cycleId: string,
    school: NewCycle['schools'][number],
    curators: NewCurator[] = [],
  ): Promise<SchoolEntity> {
    return this.dataSource.transaction(async (manager) => {
      const cycle = await manager.findOneByOrFail(CycleEntity, { id: cycleId });
      const [row] = await manager.save(
        SchoolEntity,
        await this.schoolRows(cycle.id, cycle.municipalityId, [school], manager),
      );
      await this.assignCurators(cycle.id, cycle.municipalityId, curators, [row], manager);
      return row;
    });
  }

  /** A cycle's school rows linked to their directory schools (found or made), their e-mails as people. */
  private async schoolRows(
    cycleId: string,
    ownerMunicipalityId: string | null,
    drafts: NewCycle['schools'],
    manager: EntityManager,
  ): Promise<SchoolEntity[]> {
    const links = await this.directory.linkCycleSchools(ownerMunicipalityId, drafts, manager);
    return drafts.map((s, i) =>
      manager.create(SchoolEntity, {
        ...s,
        cycleId,
        municipalityId: links[i].municipalityId,
        directorySchoolId: links[i].directorySchoolId,
      }),
    );
  }

  private async linkExecutor(
    municipalityId: string | null,
    executor: EventExecutorRecord,
    manager: EntityManager,
  ): Promise<EventExecutorRecord> {
    let organisationId = executor.organisationId ?? null;
    // «руководители школ ШНОР», «кураторы ШНОР»: the cycle's own people, not an organisation to find or
    // make (one given an address of its own still gets an organisation, so the address is not lost).
    if (!organisationId && !executor.email && executorGroupOf(executor.name)) {
      return { name: executor.name, email: executor.email };
    }
    if (!organisationId) {
      const match = await this.directory.matchOrganisation(municipalityId, executor.name, manager);
      // A name like no organisation's is a new organisation; one merely like another's waits for a person to link it.
      if (match.kind === 'exact' || match.kind === 'alias') organisationId = match.organisation.id;
      else if (match.kind === 'none') {
        organisationId = (await this.directory.ensureOrganisation(municipalityId, executor.name, manager)).row.id;
      }
    } else if (executor.name) {
      // A match confirmed in the preview teaches the directory this spelling.
      await this.directory.addAlias(organisationId, executor.name, manager);
    }
    if (organisationId && executor.email) {
      await this.directory.ensurePerson({ fullName: executor.name, email: executor.email, organisationId }, manager);
    }
    return { name: executor.name, email: executor.email, organisationId };
  }

  private async assignCurators(
    cycleId: string,
    municipalityId: string | null,
    curators: NewCurator[],
    schools: SchoolEntity[],
    manager: EntityManager,
  ): Promise<void> {
    const byKey = new Map(schools.map((s) => [directoryKey(s.name), s]));
    for (const curator of curators) {
      const workplace = curator.workplace
        ? (await this.directory.ensureOrganisation(municipalityId, curator.workplace, manager)).row.id
        : null;
      const { row: person } = await this.directory.ensurePerson(
        { fullName: curator.name, position: curator.position, email: curator.email, organisationId: workplace },
        manager,
      );
      for (const name of curator.schools) {
        const school = byKey.get(directoryKey(name));
        if (school?.directorySchoolId)
          await this.directory.assignCurator(cycleId, person.id, school.directorySchoolId, manager);
      }
    }
  }

  /** Every cycle with its schools, events (for scope checks) and progress, newest first. */
  async list(): Promise<CycleView[]> {
    const cycles = await this.dataSource.getRepository(CycleEntity).find({ order: { createdAt: 'DESC' } });
    const found = await Promise.all(cycles.map((c) => this.findView(c.id)));
    return found.filter((c): c is CycleView => c !== null);
  }

  /** Replaces the cycle's escalation chain (running workflows read it at their next planning step). */
  async setEscalationChain(cycleId: string, chain: EscalationStep[]): Promise<void> {
    await this.dataSource.getRepository(CycleEntity).update({ id: cycleId }, { escalationChain: chain });
  }

  async find(cycleId: string): Promise<StoredCycle | null> {
    const [cycle, schools, events] = await Promise.all([
      this.dataSource.getRepository(CycleEntity).findOneBy({ id: cycleId }),
      this.dataSource.getRepository(SchoolEntity).find({ where: { cycleId }, order: { name: 'ASC' } }),
      this.dataSource
        .getRepository(RoadmapEventEntity)
        .find({ where: { cycleId }, order: { deadline: 'ASC', number: 'ASC' } }),
    ]);
    if (!cycle) return null;
    return { cycle, schools, events };
  }

  /** The cycle's own row, without its schools and events (a scope check that needs no more). */
  findCycle(cycleId: string): Promise<CycleEntity | null> {
    return this.dataSource.getRepository(CycleEntity).findOneBy({ id: cycleId });
  }

  /** The cycle a participation row belongs to (null when there is no such school). */
  async cycleIdOfSchool(schoolId: string): Promise<string | null> {
    const row = await this.dataSource
      .getRepository(SchoolEntity)
      .findOne({ select: { id: true, cycleId: true }, where: { id: schoolId } });
    return row?.cycleId ?? null;
  }

  /**
   * The cycle and its progress in one round trip (the dashboard's hot path); then which executor
   * organisations have nobody to mail, and how many people the cycle groups among the executors reach.
   */
  async findView(cycleId: string): Promise<CycleView | null> {
    const [stored, schoolProgress, eventProgress] = await Promise.all([
      this.find(cycleId),
      this.dataSource.getRepository(SchoolProgressEntity).findBy({ cycleId }),
      this.dataSource.getRepository(EventProgressEntity).findBy({ cycleId }),
    ]);
    if (!stored) return null;
    const organisationIds = [
      ...new Set(stored.events.flatMap((e) => e.executors.map((x) => x.organisationId ?? '')).filter(Boolean)),
    ];
    const [organisationsWithoutAddressee, groups] = await Promise.all([
      this.directory.organisationsWithoutAddressee(organisationIds),
      this.directory.cycleGroupRecipients(
        cycleId,
        stored.events.flatMap((e) => e.executors),
      ),
    ]);
    const groupRecipients = new Map([...groups].map(([name, people]) => [name, people.length]));
    return { ...stored, schoolProgress, eventProgress, organisationsWithoutAddressee, groupRecipients };
  }

  async findEventForReminder(eventId: string): Promise<EventForReminder | null> {
    const event = await this.dataSource
      .getRepository(RoadmapEventEntity)
      .findOne({ where: { id: eventId }, relations: { cycle: true } });
    if (!event?.cycle) return null;
    const recipients = await this.directory.reminderRecipients(event);
    return { cycle: event.cycle, event, recipients };
  }
}
