import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { CanonicalRoadmap } from '@orientir/domain';

/** A confirmed roadmap in the canonical form, as the coordinator approved it after the preview. */
@Entity('roadmaps')
export class RoadmapEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('text')
  title!: string;

  @Column('int')
  year!: number;

  @Column('text')
  timezone!: string;

  @Column('jsonb')
  document!: CanonicalRoadmap;

  /** The owning municipality (tidied); null for a regional roadmap. Reads and writes are scoped by it. */
  @Column('text', { nullable: true })
  municipality!: string | null;

  /** The owning municipality in the directory; access checks compare it with grants. */
  @Column('uuid', { name: 'municipality_id', nullable: true })
  municipalityId!: string | null;

  @Column('text', { name: 'source_file_name', nullable: true })
  sourceFileName!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
