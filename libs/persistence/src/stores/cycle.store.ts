import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { SchoolCategory } from '@orientir/domain';
import {
  CycleEntity,
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
  schools: { name: string; category: SchoolCategory; municipality: string | null; emails: string[] }[];
  events: { number: string; title: string; opensAt: Date; deadline: Date; executors: EventExecutorRecord[] }[];
}

export interface StoredCycle {
  cycle: CycleEntity;
  schools: SchoolEntity[];
  events: RoadmapEventEntity[];
}

export interface CycleView extends StoredCycle {
  schoolProgress: SchoolProgressEntity[];
  eventProgress: EventProgressEntity[];
}

export interface EventForReminder {
  cycle: CycleEntity;
  event: RoadmapEventEntity;
}

@Injectable()
export class CycleStore {
  constructor(private readonly dataSource: DataSource) {}

  /** All or nothing: a failed insert leaves no half-written cycle. */
  async create(draft: NewCycle): Promise<StoredCycle> {
    return this.dataSource.transaction(async (manager) => {
      const cycle = await manager.save(
        CycleEntity,
        manager.create(CycleEntity, {
          title: draft.title,
          year: draft.year,
          timezone: draft.timezone,
          municipality: draft.municipality ?? null,
        }),
      );
      const schools = await manager.save(
        SchoolEntity,
        draft.schools.map((s) => manager.create(SchoolEntity, { ...s, cycleId: cycle.id })),
      );
      const events = await manager.save(
        RoadmapEventEntity,
        draft.events.map((e) => manager.create(RoadmapEventEntity, { ...e, cycleId: cycle.id })),
      );
      return { cycle, schools, events };
    });
  }

  /** Every cycle with its schools, events (for scope checks) and progress, newest first. */
  async list(): Promise<CycleView[]> {
    const cycles = await this.dataSource.getRepository(CycleEntity).find({ order: { createdAt: 'DESC' } });
    const found = await Promise.all(cycles.map((c) => this.findView(c.id)));
    return found.filter((c): c is CycleView => c !== null);
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

  /** All five reads at once: one round trip of latency instead of three (the dashboard's hot path). */
  async findView(cycleId: string): Promise<CycleView | null> {
    const [stored, schoolProgress, eventProgress] = await Promise.all([
      this.find(cycleId),
      this.dataSource.getRepository(SchoolProgressEntity).findBy({ cycleId }),
      this.dataSource.getRepository(EventProgressEntity).findBy({ cycleId }),
    ]);
    if (!stored) return null;
    return { ...stored, schoolProgress, eventProgress };
  }

  async findEventForReminder(eventId: string): Promise<EventForReminder | null> {
    const event = await this.dataSource
      .getRepository(RoadmapEventEntity)
      .findOne({ where: { id: eventId }, relations: { cycle: true } });
    if (!event?.cycle) return null;
    return { cycle: event.cycle, event };
  }
}
