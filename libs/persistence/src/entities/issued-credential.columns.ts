import { Column, CreateDateColumn, PrimaryGeneratedColumn } from 'typeorm';

/**
 * What sessions, API tokens and password-reset links share: a user, a creation time and an expiry
 * (each keeps its secret only as a SHA-256 hash, `token_hash`). Not an entity; each has its own table.
 */
export abstract class IssuedCredentialColumns {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'user_id' })
  userId!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'expires_at' })
  expiresAt!: Date;
}
