import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { nameKey, normaliseMunicipality } from '@orientir/domain';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { AuditLogEntity, type AuditOutcome } from '../entities';

export interface AuditEntry {
  actorUserId: string | null;
  actorEmail: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  municipality: string | null;
  ip: string | null;
  userAgent: string | null;
  outcome: AuditOutcome;
  details?: Record<string, unknown>;
}

export interface AuditQuery {
  /** null: every municipality; otherwise only rows of these (compared by nameKey). */
  municipalities: string[] | null;
  action?: string;
  targetType?: string;
  targetId?: string;
  actorEmail?: string;
  outcome?: AuditOutcome;
  since?: Date;
  until?: Date;
  limit: number;
  offset: number;
}

/** Append and read; there is deliberately no update or delete here, and the database refuses both. */
@Injectable()
export class AuditLogStore {
  constructor(private readonly dataSource: DataSource) {}

  async append(entry: AuditEntry): Promise<void> {
    const municipality = normaliseMunicipality(entry.municipality);
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(AuditLogEntity)
      // jsonb: TypeORM's deep-partial type does not model an arbitrary record.
      .values({
        ...entry,
        municipality,
        municipalityKey: municipality && nameKey(municipality),
        details: entry.details ?? {},
      } as QueryDeepPartialEntity<AuditLogEntity>)
      .execute();
  }

  async query(q: AuditQuery): Promise<{ total: number; items: AuditLogEntity[] }> {
    const qb = this.dataSource.getRepository(AuditLogEntity).createQueryBuilder('a');
    if (q.municipalities)
      qb.andWhere('a.municipality_key IN (:...m)', {
        m: q.municipalities.length ? q.municipalities.map(nameKey) : [''],
      });
    if (q.action) qb.andWhere('a.action = :action', { action: q.action });
    if (q.targetType) qb.andWhere('a.target_type = :targetType', { targetType: q.targetType });
    if (q.targetId) qb.andWhere('a.target_id = :targetId', { targetId: q.targetId });
    if (q.actorEmail) qb.andWhere('a.actor_email = :actorEmail', { actorEmail: q.actorEmail.trim().toLowerCase() });
    if (q.outcome) qb.andWhere('a.outcome = :outcome', { outcome: q.outcome });
    if (q.since) qb.andWhere('a.at >= :since', { since: q.since });
    if (q.until) qb.andWhere('a.at < :until', { until: q.until });
    const [items, total] = await qb
      .orderBy('a.at', 'DESC')
      .addOrderBy('a.id', 'DESC')
      .take(q.limit)
      .skip(q.offset)
      .getManyAndCount();
    return { total, items };
  }
}
