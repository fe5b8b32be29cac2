import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type AuditOutcome = 'success' | 'denied' | 'failure';

/** Append-only: a database trigger refuses UPDATE, DELETE and TRUNCATE. */
@Entity('audit_log')
export class AuditLogEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  @Column('timestamptz', { default: () => 'now()' })
  at!: Date;

  /** A snapshot, not a foreign key: the row outlives any change to the account. */
  @Column('uuid', { name: 'actor_user_id', nullable: true })
  actorUserId!: string | null;

  @Column('text', { name: 'actor_email', nullable: true })
  actorEmail!: string | null;

  @Column('text')
  action!: string;

  @Column('text', { name: 'target_type', nullable: true })
  targetType!: string | null;

  @Column('text', { name: 'target_id', nullable: true })
  targetId!: string | null;

  /** The municipality the action concerns, so a coordinator can read its part of the log. */
  @Column('text', { nullable: true })
  municipality!: string | null;

  /** nameKey(municipality): what scope filters compare, so every spelling of a name matches. */
  @Column('text', { name: 'municipality_key', nullable: true })
  municipalityKey!: string | null;

  @Column('text', { nullable: true })
  ip!: string | null;

  @Column('text', { name: 'user_agent', nullable: true })
  userAgent!: string | null;

  @Column('text')
  outcome!: AuditOutcome;

  @Column('jsonb', { default: () => "'{}'" })
  details!: Record<string, unknown>;
}
