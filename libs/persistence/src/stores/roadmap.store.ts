import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { CanonicalRoadmap } from '@orientir/domain';
import { RoadmapEntity } from '../entities/roadmap.entity';

@Injectable()
export class RoadmapStore {
  constructor(private readonly dataSource: DataSource) {}

  async save(
    document: CanonicalRoadmap,
    sourceFileName: string | null,
    municipality: string | null,
  ): Promise<RoadmapEntity> {
    const repo = this.dataSource.getRepository(RoadmapEntity);
    return repo.save(
      repo.create({
        title: document.title,
        year: document.year,
        timezone: document.timezone,
        document,
        sourceFileName,
        municipality,
      }),
    );
  }

  find(id: string): Promise<RoadmapEntity | null> {
    return this.dataSource.getRepository(RoadmapEntity).findOneBy({ id });
  }

  count(): Promise<number> {
    return this.dataSource.getRepository(RoadmapEntity).count();
  }
}
