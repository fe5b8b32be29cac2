import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SCHOOL_YEAR_STAGES } from '@orientir/domain';

export type SchoolListSort = 'name' | 'municipality' | 'stage' | 'round' | 'dueAt' | 'updatedAt';

export interface SchoolListQuery {
  municipality?: string[];
  stage?: string[];
  category?: string[];
  overdue?: boolean;
  curator?: string[];
  search?: string;
  sort: SchoolListSort;
  direction: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

export interface SchoolListRow {
  id: string;
  name: string;
  category: string;
  municipality: string | null;
  directorySchoolId: string | null;
  /** From the projection, `not_started` before the workflow reports. */
  stage: string;
  round: number;
  dueAt: Date | null;
  overdue: boolean;
  updatedAt: Date | null;
  projectionError: string | null;
  curators: string[];
}

export interface SchoolListAggregate {
  municipality: string | null;
  stage: string;
  schools: number;
  overdue: number;
}

export interface SchoolListPage {
  total: number;
  items: SchoolListRow[];
  /** Per municipality and stage over every school matching the filters (not only this page). */
  aggregates: SchoolListAggregate[];
}

// Pipeline order for sorting by stage: not started first, completed last.
const STAGE_ORDER = ['not_started', ...SCHOOL_YEAR_STAGES, 'completed', 'withdrawn'];

// Sort keys map to fixed SQL; nothing from the request reaches the query text.
// Names sort numerically (orientir_natural: «СОШ № 2» before «СОШ № 10»).
const ORDER: Record<SchoolListSort, string> = {
  name: 'name COLLATE orientir_natural',
  municipality: 'municipality COLLATE orientir_natural',
  stage: 'stage_rank',
  round: 'round',
  dueAt: 'due_at',
  updatedAt: 'changed_at',
};

/**
 * A school's curators (`school` is the alias of a row with id, cycle_id and directory_school_id): the
 * one its workflow assigned (`assigned`, after any change by the coordinator), else those assigned in
 * the cycle through the directory and accounts granted the school; sorted, never null.
 */
function curatorNames(school: string, assigned: string): string {
  return `CASE WHEN ${assigned} IS NOT NULL THEN ARRAY[${assigned}] ELSE (SELECT coalesce(array_agg(DISTINCT n ORDER BY n), '{}') FROM (
    SELECT cp.full_name AS n FROM curator_assignments ca JOIN people cp ON cp.id = ca.person_id
    WHERE ca.cycle_id = ${school}.cycle_id AND ca.directory_school_id = ${school}.directory_school_id
    UNION
    SELECT cu.display_name FROM role_grants cg JOIN users cu ON cu.id = cg.user_id
    WHERE cg.role = 'curator' AND cg.scope_kind = 'school' AND cu.is_active
      AND cg.scope_value IN (${school}.id::text, ${school}.directory_school_id::text)
  ) named) END`;
}

/**
 * The school list of a cycle from the read model: filters, paging, sorting and aggregates per
 * municipality and stage in PostgreSQL (indexed for a 3,000-school cycle), never from Temporal.
 */
@Injectable()
export class SchoolListStore {
  constructor(private readonly dataSource: DataSource) {}

  /** `visible`: the school ids the caller may see, or null for all of the cycle. */
  async list(cycleId: string, visible: readonly string[] | null, q: SchoolListQuery): Promise<SchoolListPage> {
    const params: unknown[] = [cycleId, STAGE_ORDER];
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    const where: string[] = [];
    if (visible) where.push(`id = ANY(${param(visible)}::uuid[])`);
    if (q.municipality?.length) where.push(`municipality = ANY(${param(q.municipality)}::text[])`);
    if (q.stage?.length) where.push(`stage = ANY(${param(q.stage)}::text[])`);
    if (q.category?.length) where.push(`category = ANY(${param(q.category)}::text[])`);
    if (q.overdue !== undefined) where.push(q.overdue ? 'overdue' : 'NOT overdue');
    if (q.curator?.length) where.push(`curators && ${param(q.curator)}::text[]`);
    if (q.search?.trim()) {
      const needle = q.search.trim().replace(/[\\%_]/g, (c) => `\\${c}`);
      where.push(`name ILIKE ${param(`%${needle}%`)}`);
    }
    // Curator names cost a lookup per school: only the page's rows get them, unless a filter needs them all.
    const byCurator = !!q.curator?.length;
    const filtered = `
      WITH base AS (
        SELECT s.id, s.cycle_id, s.name, s.category, s.municipality, s.directory_school_id,
               coalesce(sp.stage, 'not_started') AS stage, coalesce(sp.round, 0) AS round,
               sp.due_at, sp.changed_at, sp.projection_error,
               (sp.due_at IS NOT NULL AND sp.due_at < now() AND sp.stage <> 'completed') AS overdue,
               sp.curator ->> 'name' AS assigned_curator,
               ${byCurator ? `${curatorNames('s', "sp.curator ->> 'name'")} AS curators,` : ''}
               array_position($2::text[], coalesce(sp.stage, 'not_started')) AS stage_rank
        FROM schools s
        LEFT JOIN school_progress sp ON sp.school_id = s.id
        WHERE s.cycle_id = $1
      )
      SELECT * FROM base ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`;
    const direction = q.direction === 'desc' ? 'DESC' : 'ASC';
    const order = `${ORDER[q.sort]} ${direction} NULLS LAST, name COLLATE orientir_natural ${direction}, id`;
    const limit = param(q.pageSize);
    const offset = param((q.page - 1) * q.pageSize);
    const [rows, aggregates] = await Promise.all([
      this.dataSource.query<RawRow[]>(
        `SELECT page.*${byCurator ? '' : `, ${curatorNames('page', 'page.assigned_curator')} AS curators`}
           FROM (SELECT f.* FROM (${filtered}) f ORDER BY ${order} LIMIT ${limit} OFFSET ${offset}) page
          ORDER BY ${order}`,
        params,
      ),
      this.dataSource.query<{ municipality: string | null; stage: string; schools: string; overdue: string }[]>(
        `SELECT municipality, stage, count(*) AS schools, count(*) FILTER (WHERE overdue) AS overdue
         FROM (${filtered}) f GROUP BY municipality, stage, stage_rank ORDER BY municipality NULLS LAST, stage_rank`,
        params.slice(0, params.length - 2),
      ),
    ]);
    const total = aggregates.reduce((n, a) => n + Number(a.schools), 0);
    return {
      total,
      items: rows.map((r) => ({
        id: r.id,
        name: r.name,
        category: r.category,
        municipality: r.municipality,
        directorySchoolId: r.directory_school_id,
        stage: r.stage,
        round: r.round,
        dueAt: r.due_at,
        overdue: r.overdue,
        updatedAt: r.changed_at,
        projectionError: r.projection_error,
        curators: r.curators,
      })),
      aggregates: aggregates.map((a) => ({
        municipality: a.municipality,
        stage: a.stage,
        schools: Number(a.schools),
        overdue: Number(a.overdue),
      })),
    };
  }
}

interface RawRow {
  id: string;
  name: string;
  category: string;
  municipality: string | null;
  directory_school_id: string | null;
  stage: string;
  round: number;
  due_at: Date | null;
  changed_at: Date | null;
  projection_error: string | null;
  overdue: boolean;
  curators: string[];
}
