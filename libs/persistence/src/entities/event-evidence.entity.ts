import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * What an executor recorded to prove an event: attributed to the event, its occurrence, the executor
 * and the schools that took part. Corrections keep the row (and the audit log the old values);
 * removal only marks it.
 */
@Entity('event_evidence')
@Index(['eventId', 'occurrenceIndex'])
export class EventEvidenceEntity {
  /** Chosen by the API before the workflow sees it: a retried store never makes a second row. */
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'cycle_id' })
  cycleId!: string;

  @Column('uuid', { name: 'event_id' })
  eventId!: string;

  @Column('int', { name: 'occurrence_index' })
  occurrenceIndex!: number;

  /** Who the evidence is from: the executor organisation's or school's name. */
  @Column('text')
  executor!: string;

  @Column('uuid', { name: 'organisation_id', nullable: true })
  organisationId!: string | null;

  @Column('uuid', { name: 'recorded_by', nullable: true })
  recordedBy!: string | null;

  @Column('text', { name: 'recorded_by_name', nullable: true })
  recordedByName!: string | null;

  /** ISO date (local) the event was held. */
  @Column('date', { name: 'held_on', nullable: true })
  heldOn!: string | null;

  @Column('int', { nullable: true })
  count!: number | null;

  @Column('text', { nullable: true })
  link!: string | null;

  @Column('uuid', { name: 'school_ids', array: true, default: () => "'{}'" })
  schoolIds!: string[];

  @Column('text', { nullable: true })
  comment!: string | null;

  @Column('uuid', { name: 'file_ids', array: true, default: () => "'{}'" })
  fileIds!: string[];

  @Column('text', { name: 'file_names', array: true, default: () => "'{}'" })
  fileNames!: string[];

  /** Why it is dated outside the period (required then). */
  @Column('text', { name: 'late_reason', nullable: true })
  lateReason!: string | null;

  @Column('timestamptz', { name: 'recorded_at' })
  recordedAt!: Date;

  @Column('timestamptz', { name: 'corrected_at', nullable: true })
  correctedAt!: Date | null;

  @Column('timestamptz', { name: 'removed_at', nullable: true })
  removedAt!: Date | null;

  @Column('text', { name: 'removed_reason', nullable: true })
  removedReason!: string | null;
}
