import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { LaunchBatch, LaunchProgressSnapshot } from '@orientir/contracts';
import { CycleLaunchEntity } from '../entities';

/** PostgreSQL's unique_violation: here, a second active launch of the same cycle. */
const UNIQUE_VIOLATION = '23505';

/**
 * Launch rows (API side: create, find, close a stale one) and what the launch activities read:
 * the cycle's targets in id order, by keyset batch.
 */
@Injectable()
export class LaunchStore {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * A pending launch row, or null when the cycle already has one pending or running (the partial
   * unique index decides, so two requests at once never both win).
   */
  async createPending(
    launch: { id: string; cycleId: string; workflowId: string },
    manager: EntityManager = this.dataSource.manager,
  ): Promise<CycleLaunchEntity | null> {
    try {
      await manager.query(
        `INSERT INTO cycle_launches (id, cycle_id, workflow_id, status) VALUES ($1, $2, $3, 'pending')`,
        [launch.id, launch.cycleId, launch.workflowId],
      );
    } catch (error) {
      if ((error as { driverError?: { code?: string } }).driverError?.code === UNIQUE_VIOLATION) return null;
      throw error;
    }
    return manager.getRepository(CycleLaunchEntity).findOneByOrFail({ id: launch.id });
  }

  /** The cycle's launch still pending or running, if any. */
  findActive(cycleId: string): Promise<CycleLaunchEntity | null> {
    return this.dataSource
      .getRepository(CycleLaunchEntity)
      .createQueryBuilder('l')
      .where('l.cycle_id = :cycleId', { cycleId })
      .andWhere(`l.status IN ('pending', 'running')`)
      .getOne();
  }

  /** The newest launch of the cycle. */
  findLatest(cycleId: string): Promise<CycleLaunchEntity | null> {
    return this.dataSource
      .getRepository(CycleLaunchEntity)
      .findOne({ where: { cycleId }, order: { createdAt: 'DESC' } });
  }

  /** The newest launch of each cycle given. */
  async latestOf(cycleIds: string[]): Promise<Map<string, CycleLaunchEntity>> {
    if (cycleIds.length === 0) return new Map();
    const rows = await this.dataSource
      .getRepository(CycleLaunchEntity)
      .createQueryBuilder('l')
      .distinctOn(['l.cycle_id'])
      .where('l.cycle_id IN (:...cycleIds)', { cycleIds })
      .orderBy('l.cycle_id')
      .addOrderBy('l.created_at', 'DESC')
      .getMany();
    return new Map(rows.map((r) => [r.cycleId, r]));
  }

  /** Launches left pending (their workflow may never have been started, e.g. the API died at that moment). */
  findPendingOlderThan(seconds: number): Promise<CycleLaunchEntity[]> {
    return this.dataSource
      .getRepository(CycleLaunchEntity)
      .createQueryBuilder('l')
      .where(`l.status = 'pending'`)
      .andWhere(`l.updated_at < now() - make_interval(secs => :seconds)`, { seconds })
      .orderBy('l.created_at')
      .limit(100)
      .getMany();
  }

  /** A launch whose workflow ended without finishing (terminated, failed): frees the cycle for a relaunch. */
  async markFailed(id: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE cycle_launches SET status = 'failed', finished_at = now(), updated_at = now()
       WHERE id = $1 AND status IN ('pending', 'running')`,
      [id],
    );
  }

  /** Idempotent and order-safe by `sequence`, like the other projections. */
  async recordLaunchProgress(s: LaunchProgressSnapshot): Promise<void> {
    await this.dataSource.query(
      `UPDATE cycle_launches SET status = $3, total = $4, started = $5, existing = $6, failed = $7,
         failures = $8::jsonb, sequence = $9, updated_at = now(),
         finished_at = CASE WHEN $3 IN ('completed', 'failed') THEN $10::timestamptz ELSE NULL END
       WHERE id = $1 AND cycle_id = $2 AND sequence < $9`,
      [
        s.launchId,
        s.cycleId,
        s.status,
        s.total,
        s.started,
        s.existing,
        s.failed,
        JSON.stringify(s.failures),
        s.sequence,
        s.changedAt,
      ],
    );
  }

  async launchTargetIds(cycleId: string): Promise<{ schools: string[]; events: string[] }> {
    const [schools, events] = await Promise.all([
      this.dataSource.query<{ id: string }[]>(`SELECT id FROM schools WHERE cycle_id = $1 ORDER BY id`, [cycleId]),
      this.dataSource.query<{ id: string }[]>(`SELECT id FROM roadmap_events WHERE cycle_id = $1 ORDER BY id`, [
        cycleId,
      ]),
    ]);
    return { schools: schools.map((r) => r.id), events: events.map((r) => r.id) };
  }

  launchSchools(
    cycleId: string,
    batch: LaunchBatch,
  ): Promise<{ id: string; name: string; municipality: string | null }[]> {
    return this.dataSource.query(
      `SELECT id, name, municipality FROM schools
       WHERE cycle_id = $1 AND ($2::uuid IS NULL OR id > $2::uuid) AND id <= $3::uuid ORDER BY id`,
      [cycleId, batch.afterId, batch.toId],
    );
  }

  async launchEvents(
    cycleId: string,
    batch: LaunchBatch,
  ): Promise<{ id: string; number: string; title: string; opensAt: Date; deadline: Date }[]> {
    const rows = await this.dataSource.query<
      { id: string; number: string; title: string; opens_at: Date; deadline: Date }[]
    >(
      `SELECT id, number, title, opens_at, deadline FROM roadmap_events
       WHERE cycle_id = $1 AND ($2::uuid IS NULL OR id > $2::uuid) AND id <= $3::uuid ORDER BY id`,
      [cycleId, batch.afterId, batch.toId],
    );
    return rows.map((r) => ({ id: r.id, number: r.number, title: r.title, opensAt: r.opens_at, deadline: r.deadline }));
  }

  async resetProjections(kind: LaunchBatch['kind'], ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    const [table, key] = kind === 'school' ? ['school_progress', 'school_id'] : ['event_progress', 'event_id'];
    await this.dataSource.query(`UPDATE ${table} SET sequence = 0 WHERE ${key} = ANY($1::uuid[])`, [ids]);
  }
}
