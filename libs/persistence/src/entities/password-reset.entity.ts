import { Column, Entity } from 'typeorm';
import { IssuedCredentialColumns } from './issued-credential.columns';

/** A single-use password reset link; kept as a hash, expires after an hour. */
@Entity('password_resets')
export class PasswordResetEntity extends IssuedCredentialColumns {
  @Column('text', { name: 'token_hash', unique: true })
  tokenHash!: string;

  @Column('timestamptz', { name: 'used_at', nullable: true })
  usedAt!: Date | null;
}
