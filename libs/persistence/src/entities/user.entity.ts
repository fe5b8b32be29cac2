import { Column, CreateDateColumn, Entity, OneToMany, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { RoleGrantEntity } from './role-grant.entity';

@Entity('users')
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Stored lower-case; unique. */
  @Column('text', { unique: true })
  email!: string;

  @Column('text', { name: 'display_name' })
  displayName!: string;

  /** argon2id; null until the person sets a password through a reset link. */
  @Column('text', { name: 'password_hash', nullable: true, select: false })
  passwordHash!: string | null;

  @Column('boolean', { name: 'is_active', default: true })
  isActive!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @OneToMany(() => RoleGrantEntity, (grant) => grant.user)
  grants?: Relation<RoleGrantEntity[]>;
}
