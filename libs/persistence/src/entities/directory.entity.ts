// The directory: what outlives a cycle. Region → municipalities → schools; organisations that
// execute events (with aliases); people with optional accounts. Cycles and grants point here.
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import type { OrganisationKind } from '@orientir/domain';

@Entity('regions')
export class RegionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('text')
  name!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

@Entity('municipalities')
export class MunicipalityEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'region_id' })
  regionId!: string;

  @Column('text')
  name!: string;

  /** nameKey(name), the one municipality-name rule: unique within the region. */
  @Column('text', { name: 'name_key' })
  nameKey!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

@Entity('directory_schools')
export class DirectorySchoolEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'municipality_id', nullable: true })
  municipalityId!: string | null;

  @ManyToOne(() => MunicipalityEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'municipality_id' })
  municipality?: Relation<MunicipalityEntity> | null;

  @Column('text', { name: 'full_name' })
  fullName!: string;

  @Column('text', { name: 'short_name', nullable: true })
  shortName!: string | null;

  @Column('text', { name: 'name_key' })
  nameKey!: string;

  /** ИНН or the ФИС ФРДО / ФИОКО code, where known. */
  @Column('text', { name: 'official_code', nullable: true })
  officialCode!: string | null;

  @Column('text', { nullable: true })
  director!: string | null;

  @Column('text', { nullable: true })
  email!: string | null;

  @Column('text', { nullable: true })
  address!: string | null;

  /** A closed or merged school is deactivated, never deleted: its cycles keep pointing at it. */
  @Column('boolean', { default: true })
  active!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

@Entity('organisations')
export class OrganisationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Null: a regional body (ministry, institute) that any municipality's roadmap may name. */
  @Column('uuid', { name: 'municipality_id', nullable: true })
  municipalityId!: string | null;

  @Column('text')
  name!: string;

  @Column('text', { name: 'name_key' })
  nameKey!: string;

  @Column('text')
  kind!: OrganisationKind;

  /** Set when the organisation is a directory school (its people are the school's staff). */
  @Column('uuid', { name: 'school_id', nullable: true })
  schoolId!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

/** Another spelling of an organisation; it resolves only within the organisation's municipality. */
@Entity('organisation_aliases')
@Index(['municipalityScope', 'aliasKey'], { unique: true })
export class OrganisationAliasEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'organisation_id' })
  organisationId!: string;

  /** The municipality id, or '' for a regional organisation (so the unique index holds). */
  @Column('text', { name: 'municipality_scope' })
  municipalityScope!: string;

  @Column('text')
  alias!: string;

  @Column('text', { name: 'alias_key' })
  aliasKey!: string;
}

@Entity('people')
export class PersonEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('text', { name: 'full_name' })
  fullName!: string;

  @Column('text', { nullable: true })
  position!: string | null;

  /** Lower-case; unique when present. */
  @Column('text', { nullable: true })
  email!: string | null;

  @Column('text', { nullable: true })
  phone!: string | null;

  @Column('uuid', { name: 'organisation_id', nullable: true })
  organisationId!: string | null;

  @Column('uuid', { name: 'user_id', nullable: true })
  userId!: string | null;

  /** Contact people get an organisation's reminders unless an event names its own assignees. */
  @Column('boolean', { name: 'is_contact', default: true })
  isContact!: boolean;

  /** Someone who left: kept for history, gets no reminders. */
  @Column('boolean', { default: true })
  active!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

/** A curator (a person of another school) assigned to a participating school for one cycle. */
@Entity('curator_assignments')
@Index(['cycleId', 'personId', 'directorySchoolId'], { unique: true })
export class CuratorAssignmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'cycle_id' })
  cycleId!: string;

  @Column('uuid', { name: 'person_id' })
  personId!: string;

  /** The directory school curated. */
  @Column('uuid', { name: 'directory_school_id' })
  directorySchoolId!: string;
}

/** People the coordinator named for one event; they replace the organisation's contact people. */
@Entity('event_assignees')
export class EventAssigneeEntity {
  @PrimaryColumn('uuid', { name: 'event_id' })
  eventId!: string;

  @PrimaryColumn('uuid', { name: 'person_id' })
  personId!: string;
}
