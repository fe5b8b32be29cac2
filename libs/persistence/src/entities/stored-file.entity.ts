import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One upload: who sent which bytes, under which name, for what. The bytes live in the file storage
 * under their sha256, once however many uploads carry them; the owner says whose scope a download
 * is checked against (a cycle school's documents, an event's evidence, …).
 */
@Entity('stored_files')
@Index('stored_files_owner_idx', ['ownerKind', 'ownerId', 'createdAt'])
export class StoredFileEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('stored_files_sha256_idx')
  @Column('char', { length: 64 })
  sha256!: string;

  @Column('bigint', { transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  size!: number;

  /** Detected from the bytes, never taken from the client. */
  @Column('text', { name: 'content_type' })
  contentType!: string;

  @Column('text', { name: 'original_name' })
  originalName!: string;

  @Column('uuid', { name: 'uploaded_by', nullable: true })
  uploadedBy!: string | null;

  @Column('text', { name: 'owner_kind' })
  ownerKind!: string;

  @Column('uuid', { name: 'owner_id' })
  ownerId!: string;

  /** What the upload is for within its owner (e.g. a concept document's kind); free for each owner kind. */
  @Column('text', { nullable: true })
  purpose!: string | null;

  /** `staged`: kept but not yet referenced by what it was sent for; removed after `expiresAt` unless committed. */
  @Column('text', { default: 'committed' })
  state!: StoredFileState;

  @Column('timestamptz', { name: 'expires_at', nullable: true })
  expiresAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

export type StoredFileState = 'staged' | 'committed';
