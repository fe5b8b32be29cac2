import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import type { Role, ScopeKind } from '@orientir/auth';
import { UserEntity } from './user.entity';

/** One role of one person within one scope; a person holds as many as they need. */
@Entity('role_grants')
@Index(['userId', 'role', 'scopeKind', 'scopeValue'], { unique: true })
export class RoleGrantEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'user_id' })
  userId!: string;

  @ManyToOne(() => UserEntity, (user) => user.grants, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<UserEntity>;

  @Column('text')
  role!: Role;

  @Column('text', { name: 'scope_kind' })
  scopeKind!: ScopeKind;

  /** Empty string for the global scope, so the unique index holds. */
  @Column('text', { name: 'scope_value', default: '' })
  scopeValue!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
