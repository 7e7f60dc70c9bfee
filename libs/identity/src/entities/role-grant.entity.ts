import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
// Another library's entity: a type here, and named by string in the relation (libraries export entities as types only).
import type { CommitteeEntity, DepartmentEntity } from '@samverka/organisation';
import { UserEntity } from './user.entity';

/**
 * Roles granted by hand. `coordinator` is not among them: it follows from an
 * active coordinator assignment. `management` reaches one department and
 * `committee_secretary` one committee; `admin` and `strategist` are city-wide.
 */
export const GRANTED_ROLES = ['admin', 'strategist', 'management', 'committee_secretary'] as const;
export type GrantedRole = (typeof GRANTED_ROLES)[number];
export const ROLES = ['admin', 'strategist', 'coordinator', 'management', 'committee_secretary'] as const;
export type Role = (typeof ROLES)[number];

@Entity('role_grant')
@Check(
  'role_grant_scope',
  `("role" = 'management' AND "department_id" IS NOT NULL AND "committee_id" IS NULL)
   OR ("role" = 'committee_secretary' AND "committee_id" IS NOT NULL AND "department_id" IS NULL)
   OR ("role" IN ('admin', 'strategist') AND "department_id" IS NULL AND "committee_id" IS NULL)`,
)
@Index('role_grant_city_unique', ['userId', 'role'], { unique: true, where: `"revoked_at" IS NULL AND "department_id" IS NULL AND "committee_id" IS NULL` })
@Index('role_grant_department_unique', ['userId', 'role', 'departmentId'], { unique: true, where: `"revoked_at" IS NULL AND "department_id" IS NOT NULL` })
@Index('role_grant_committee_unique', ['userId', 'role', 'committeeId'], { unique: true, where: `"revoked_at" IS NULL AND "committee_id" IS NOT NULL` })
export class RoleGrantEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('role_grant_user_idx')
  @Column({ type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @Column({ type: 'enum', enum: GRANTED_ROLES, enumName: 'granted_role' })
  role!: GrantedRole;

  @Column({ type: 'uuid', nullable: true })
  departmentId!: string | null;

  @ManyToOne('DepartmentEntity', { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'department_id' })
  department?: DepartmentEntity | null;

  @Column({ type: 'uuid', nullable: true })
  committeeId!: string | null;

  @ManyToOne('CommitteeEntity', { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'committee_id' })
  committee?: CommitteeEntity | null;

  @Column({ type: 'uuid', nullable: true })
  grantedById!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  grantedAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;
}
