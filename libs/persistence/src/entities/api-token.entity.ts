import { Column, Entity } from 'typeorm';
import { IssuedCredentialColumns } from './issued-credential.columns';

/** A personal bearer token for scripts and API clients; shown once, kept as a hash. */
@Entity('api_tokens')
export class ApiTokenEntity extends IssuedCredentialColumns {
  @Column('text')
  name!: string;

  @Column('text', { name: 'token_hash', unique: true, select: false })
  tokenHash!: string;

  @Column('timestamptz', { name: 'revoked_at', nullable: true })
  revokedAt!: Date | null;

  @Column('timestamptz', { name: 'last_used_at', nullable: true })
  lastUsedAt!: Date | null;
}
