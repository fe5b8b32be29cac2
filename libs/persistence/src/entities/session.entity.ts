import { Column, Entity } from 'typeorm';
import { IssuedCredentialColumns } from './issued-credential.columns';

/** A browser login. Only hashes of the cookie value and of its CSRF token are kept. */
@Entity('sessions')
export class SessionEntity extends IssuedCredentialColumns {
  @Column('text', { name: 'token_hash', unique: true })
  tokenHash!: string;

  @Column('text', { name: 'csrf_hash' })
  csrfHash!: string;

  @Column('timestamptz', { name: 'revoked_at', nullable: true })
  revokedAt!: Date | null;

  @Column('text', { nullable: true })
  ip!: string | null;

  @Column('text', { name: 'user_agent', nullable: true })
  userAgent!: string | null;
}
