import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EvidenceCorrection, EvidenceInput, EvidenceRemoval } from '@orientir/contracts';
import type { SchoolCategory } from '@orientir/domain';
import {
  CycleEntity,
  EventEvidenceEntity,
  EventProgressEntity,
  RoadmapEventEntity,
  SchoolEntity,
  StoredFileEntity,
} from '../entities';

/** Owner kind of evidence uploads (`stored_files.owner_kind`); the owner id is the cycle event. */
export const EVIDENCE_FILE_OWNER = 'event';

/** Rolls the evidence transaction back when a named file is not an upload of the event. */
class EvidenceFilesMissing extends Error {
  constructor(readonly fileIds: string[]) {
    super(`Evidence files not found for the event: ${fileIds.join(', ')}`);
  }
}

/** What the event workflow's definition is built from. */
export interface EventDefinitionSource {
  cycle: CycleEntity;
  event: RoadmapEventEntity;
  schools: { id: string; category: SchoolCategory }[];
}

export interface EventListFilter {
  /** Only these events (the caller's scope). */
  eventIds: string[];
  section?: string;
  /** Executor name (as written) or directory organisation id. */
  executor?: string;
  status?: string;
  /** Events whose span overlaps [from, to]. */
  from?: Date;
  to?: Date;
  /** Events with evidence naming this school. */
  schoolId?: string;
  offset: number;
  limit: number;
}

export interface EventListRow {
  event: RoadmapEventEntity;
  progress: EventProgressEntity | null;
  evidenceCount: number;
}

/** Events, their evidence and the per-occurrence read model, in PostgreSQL. */
@Injectable()
export class EventTrackingStore {
  constructor(private readonly dataSource: DataSource) {}

  async definitionSource(cycleId: string, eventId: string): Promise<EventDefinitionSource | null> {
    const event = await this.dataSource.getRepository(RoadmapEventEntity).findOneBy({ id: eventId, cycleId });
    if (!event) return null;
    const cycle = await this.dataSource.getRepository(CycleEntity).findOneByOrFail({ id: cycleId });
    const schools = await this.dataSource
      .getRepository(SchoolEntity)
      .find({ where: { cycleId }, select: { id: true, category: true }, order: { name: 'ASC' } });
    return { cycle, event, schools: schools.map((s) => ({ id: s.id, category: s.category as SchoolCategory })) };
  }

  /** Written once: a retried store finds the row and changes nothing. */
  /**
   * The evidence row and the reference to its files, in one transaction: the uploads named are
   * committed (no longer staged, never expire) as the row is written. Idempotent: a retry finds the
   * row and the files committed and changes nothing. A file that is not an upload of this event
   * (never was, or staged and expired) stores nothing and is named in `missingFileIds`.
   */
  async insertEvidence(input: {
    cycleId: string;
    eventId: string;
    occurrenceIndex: number;
    evidence: EvidenceInput;
    recordedAt: string;
  }): Promise<{ missingFileIds: string[] }> {
    const e = input.evidence;
    const fileIds = e.files.map((f) => f.id);
    try {
      await this.storeEvidence(input, fileIds);
      return { missingFileIds: [] };
    } catch (error) {
      if (error instanceof EvidenceFilesMissing) return { missingFileIds: error.fileIds };
      throw error;
    }
  }

  private async storeEvidence(
    input: { cycleId: string; eventId: string; occurrenceIndex: number; evidence: EvidenceInput; recordedAt: string },
    fileIds: string[],
  ): Promise<void> {
    const e = input.evidence;
    await this.dataSource.transaction(async (manager) => {
      await manager
        .createQueryBuilder()
        .insert()
        .into(EventEvidenceEntity)
        .values({
          id: e.evidenceId,
          cycleId: input.cycleId,
          eventId: input.eventId,
          occurrenceIndex: input.occurrenceIndex,
          executor: e.executorName,
          organisationId: e.organisationId,
          recordedBy: e.recordedBy,
          recordedByName: e.recordedByName,
          heldOn: e.heldOn,
          count: e.count,
          link: e.link,
          schoolIds: e.schoolIds,
          comment: e.comment,
          fileIds,
          fileNames: e.files.map((f) => f.name),
          lateReason: e.lateReason,
          recordedAt: new Date(input.recordedAt),
        })
        .orIgnore()
        .execute();
      if (!fileIds.length) return;
      const owned = { ownerKind: EVIDENCE_FILE_OWNER, ownerId: input.eventId };
      await manager
        .createQueryBuilder()
        .update(StoredFileEntity)
        .set({ state: 'committed', expiresAt: null })
        .where('id IN (:...ids) AND owner_kind = :ownerKind AND owner_id = :ownerId', { ids: fileIds, ...owned })
        .execute();
      const found = await manager
        .getRepository(StoredFileEntity)
        .find({ where: fileIds.map((id) => ({ id, ...owned })), select: { id: true } });
      const missing = fileIds.filter((id) => !found.some((f) => f.id === id));
      if (missing.length) throw new EvidenceFilesMissing(missing);
    });
  }

  async amendEvidence(eventId: string, c: EvidenceCorrection, at: string): Promise<void> {
    const changes: Partial<EventEvidenceEntity> = { correctedAt: new Date(at) };
    if (c.count !== undefined) changes.count = c.count;
    if (c.schoolIds !== undefined) changes.schoolIds = c.schoolIds;
    if (c.heldOn !== undefined) changes.heldOn = c.heldOn;
    if (c.comment !== undefined) changes.comment = c.comment;
    if (c.link !== undefined) changes.link = c.link;
    await this.dataSource.getRepository(EventEvidenceEntity).update({ id: c.evidenceId, eventId }, changes);
  }

  async markEvidenceRemoved(eventId: string, r: EvidenceRemoval, at: string): Promise<void> {
    await this.dataSource
      .createQueryBuilder()
      .update(EventEvidenceEntity)
      .set({ removedAt: new Date(at), removedReason: r.reason })
      .where('id = :id AND event_id = :eventId AND removed_at IS NULL', { id: r.evidenceId, eventId })
      .execute();
  }

  /** Cycle schools whose read-model stage is one of `stages` (those past the stage an event tracks). */
  async schoolsAtStages(cycleId: string, stages: readonly string[]): Promise<string[]> {
    const rows: { school_id: string }[] = await this.dataSource.query(
      `SELECT school_id FROM school_progress WHERE cycle_id = $1 AND stage = ANY($2::text[]) ORDER BY school_id`,
      [cycleId, stages],
    );
    return rows.map((r) => r.school_id);
  }

  async evidence(eventId: string): Promise<EventEvidenceEntity[]> {
    return this.dataSource
      .getRepository(EventEvidenceEntity)
      .find({ where: { eventId }, order: { recordedAt: 'ASC', id: 'ASC' } });
  }

  async findEvidence(id: string): Promise<EventEvidenceEntity | null> {
    return this.dataSource.getRepository(EventEvidenceEntity).findOneBy({ id });
  }

  /** Every live evidence row of a cycle (the report). */
  async cycleEvidence(cycleId: string): Promise<EventEvidenceEntity[]> {
    return this.dataSource
      .getRepository(EventEvidenceEntity)
      .createQueryBuilder('e')
      .where('e.cycle_id = :cycleId AND e.removed_at IS NULL', { cycleId })
      .orderBy('e.held_on', 'ASC', 'NULLS LAST')
      .addOrderBy('e.recorded_at', 'ASC')
      .getMany();
  }

  /** Dates a coordinator set for a «По графику» event: a restarted workflow reads them. */
  async saveSchedule(eventId: string, windows: { opensAt: string; deadline: string }[]): Promise<void> {
    await this.dataSource
      .getRepository(RoadmapEventEntity)
      .update(
        { id: eventId },
        { schedule: windows, opensAt: new Date(windows[0].opensAt), deadline: new Date(windows.at(-1)!.deadline) },
      );
  }

  async findEvent(eventId: string): Promise<RoadmapEventEntity | null> {
    return this.dataSource.getRepository(RoadmapEventEntity).findOneBy({ id: eventId });
  }

  async progress(eventId: string): Promise<EventProgressEntity | null> {
    return this.dataSource.getRepository(EventProgressEntity).findOneBy({ eventId });
  }

  /** One page of a cycle's events with their progress, filtered in SQL; and the total. */
  async listEvents(cycleId: string, f: EventListFilter): Promise<{ rows: EventListRow[]; total: number }> {
    if (f.eventIds.length === 0) return { rows: [], total: 0 };
    const qb = this.dataSource
      .getRepository(RoadmapEventEntity)
      .createQueryBuilder('e')
      .leftJoin(EventProgressEntity, 'p', 'p.event_id = e.id')
      .where('e.cycle_id = :cycleId AND e.id = ANY(:ids::uuid[])', { cycleId, ids: f.eventIds });
    if (f.section) qb.andWhere('e.section = :section', { section: f.section });
    if (f.executor) {
      qb.andWhere(
        `EXISTS (SELECT 1 FROM jsonb_array_elements(e.executors) x WHERE x->>'name' = :executor OR x->>'organisationId' = :executor)`,
        { executor: f.executor },
      );
    }
    if (f.status) qb.andWhere(`COALESCE(p.status, 'not_started') = :status`, { status: f.status });
    if (f.from) qb.andWhere('e.deadline >= :from', { from: f.from });
    if (f.to) qb.andWhere('e.opens_at <= :to', { to: f.to });
    if (f.schoolId) {
      qb.andWhere(
        `EXISTS (SELECT 1 FROM event_evidence v WHERE v.event_id = e.id AND v.removed_at IS NULL AND :school = ANY(v.school_ids))`,
        { school: f.schoolId },
      );
    }
    const total = await qb.getCount();
    const events = await qb
      .orderBy('e.deadline', 'ASC')
      .addOrderBy('e.number', 'ASC')
      .offset(f.offset)
      .limit(f.limit)
      .getMany();
    const ids = events.map((e) => e.id);
    const [progress, counts] = ids.length
      ? await Promise.all([
          this.dataSource
            .getRepository(EventProgressEntity)
            .createQueryBuilder('p')
            .where('p.event_id = ANY(:ids::uuid[])', { ids })
            .getMany(),
          this.dataSource.query(
            `SELECT event_id, count(*)::int AS n FROM event_evidence WHERE event_id = ANY($1::uuid[]) AND removed_at IS NULL GROUP BY event_id`,
            [ids],
          ) as Promise<{ event_id: string; n: number }[]>,
        ])
      : [[], []];
    const byEvent = new Map(progress.map((p) => [p.eventId, p]));
    const countOf = new Map(counts.map((c) => [c.event_id, c.n]));
    return {
      rows: events.map((event) => ({
        event,
        progress: byEvent.get(event.id) ?? null,
        evidenceCount: countOf.get(event.id) ?? 0,
      })),
      total,
    };
  }
}
