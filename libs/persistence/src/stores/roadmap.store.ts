import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { CanonicalRoadmap } from '@orientir/domain';
import { RoadmapEntity } from '../entities/roadmap.entity';

export interface RoadmapSummaryRow {
  id: string;
  title: string;
  year: number;
  timezone: string;
  sourceFileName: string | null;
  municipality: string | null;
  municipalityId: string | null;
  createdAt: Date;
  events: number;
  schools: number;
}

@Injectable()
export class RoadmapStore {
  constructor(private readonly dataSource: DataSource) {}

  async save(
    document: CanonicalRoadmap,
    sourceFileName: string | null,
    owner: { id: string; name: string } | null,
  ): Promise<RoadmapEntity> {
    const repo = this.dataSource.getRepository(RoadmapEntity);
    return repo.save(
      repo.create({
        title: document.title,
        year: document.year,
        timezone: document.timezone,
        document,
        sourceFileName,
        municipality: owner?.name ?? null,
        municipalityId: owner?.id ?? null,
      }),
    );
  }

  find(id: string): Promise<RoadmapEntity | null> {
    return this.dataSource.getRepository(RoadmapEntity).findOneBy({ id });
  }

  /** Newest first, without the documents: what a list page needs. */
  async list(): Promise<RoadmapSummaryRow[]> {
    const rows = await this.dataSource
      .getRepository(RoadmapEntity)
      .createQueryBuilder('r')
      .select(['r.id AS id', 'r.title AS title', 'r.year AS year', 'r.timezone AS timezone'])
      .addSelect('r.source_file_name', 'sourceFileName')
      .addSelect('r.municipality', 'municipality')
      .addSelect('r.municipality_id', 'municipalityId')
      .addSelect('r.created_at', 'createdAt')
      .addSelect("jsonb_array_length(r.document->'events')", 'events')
      .addSelect("jsonb_array_length(r.document->'schools')", 'schools')
      .orderBy('r.created_at', 'DESC')
      .getRawMany<RoadmapSummaryRow>();
    return rows.map((r) => ({ ...r, events: Number(r.events), schools: Number(r.schools) }));
  }

  count(): Promise<number> {
    return this.dataSource.getRepository(RoadmapEntity).count();
  }
}
