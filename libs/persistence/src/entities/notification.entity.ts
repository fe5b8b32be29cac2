// The people half of notifications: one-click links, the sessions they open, delivery preferences.
import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** What a one-click link lets its holder do: act on one event, on one school's stage, or unsubscribe. */
export type MagicLinkPurpose = 'event' | 'school' | 'unsubscribe';

/** Mail for what is not critical: one digest per working day, each item at once, or nothing. */
export type NotificationMode = 'digest' | 'instant' | 'off';

/** A link mailed to one person, scoped to one item; only the SHA-256 of its token is kept. */
@Entity('magic_links')
export class MagicLinkEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('text', { name: 'token_hash', unique: true })
  tokenHash!: string;

  @Column('uuid', { name: 'person_id' })
  personId!: string;

  @Column('text')
  purpose!: MagicLinkPurpose;

  @Column('uuid', { name: 'cycle_id', nullable: true })
  cycleId!: string | null;

  @Column('uuid', { name: 'event_id', nullable: true })
  eventId!: string | null;

  @Column('uuid', { name: 'school_id', nullable: true })
  schoolId!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'expires_at' })
  expiresAt!: Date;

  @Column('timestamptz', { name: 'revoked_at', nullable: true })
  revokedAt!: Date | null;

  @Column('timestamptz', { name: 'last_used_at', nullable: true })
  lastUsedAt!: Date | null;
}

/** A browser session opened by a magic link; it ends with the link (revoked or expired). */
@Entity('link_sessions')
export class LinkSessionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'magic_link_id' })
  magicLinkId!: string;

  @Column('text', { name: 'token_hash', unique: true })
  tokenHash!: string;

  @Column('text', { name: 'csrf_hash' })
  csrfHash!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'expires_at' })
  expiresAt!: Date;

  @Column('timestamptz', { name: 'revoked_at', nullable: true })
  revokedAt!: Date | null;
}

/** A person without a row gets the default, the daily digest. */
@Entity('notification_preferences')
export class NotificationPreferenceEntity {
  @PrimaryColumn('uuid', { name: 'person_id' })
  personId!: string;

  @Column('text')
  mode!: NotificationMode;

  @Column('text', { name: 'changed_via' })
  changedVia!: 'unsubscribe' | 'page' | 'coordinator';

  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' })
  updatedAt!: Date;
}
