import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { DepartmentEntity } from '@samverka/organisation';
import type { ResponsibilityRole } from '../plan.model';
import { PlanItemEntity } from './plan-item.entity';

/**
 * Ansvarsfördelning: one organisation's part in one item — a department, or the contact centre as
 * its own organisation — with its RACI role, written expectations and estimated effort.
 * The database refuses a second accountable on an item, and a second entry for one organisation.
 */
@Entity('plan_responsibility')
@Index('plan_responsibility_one_accountable', ['itemId'], { unique: true, where: `"role" = 'accountable'` })
@Index('plan_responsibility_department_once', ['itemId', 'departmentId'], { unique: true, where: '"department_id" IS NOT NULL' })
@Index('plan_responsibility_contact_centre_once', ['itemId'], { unique: true, where: '"contact_centre"' })
@Index('plan_responsibility_department_idx', ['departmentId'])
@Check('plan_responsibility_role_known', `"role" IN ('responsible', 'accountable', 'consulted', 'informed')`)
@Check('plan_responsibility_one_organisation', `("department_id" IS NULL) = "contact_centre"`)
@Check('plan_responsibility_effort_not_negative', `"effort_hours" IS NULL OR "effort_hours" >= 0`)
export class PlanResponsibilityEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  itemId!: string;

  @Column({ type: 'uuid', nullable: true })
  departmentId!: string | null;

  @Column({ type: 'boolean', default: false })
  contactCentre!: boolean;

  @Column({ type: 'text' })
  role!: ResponsibilityRole;

  @Column({ type: 'text' })
  expectations!: string;

  /** Hours per year (numeric: returned as a string by pg, read through the repository). */
  @Column({ type: 'numeric', precision: 8, scale: 1, nullable: true })
  effortHours!: string | null;

  /** Order within the item. */
  @Column({ type: 'int' })
  position!: number;

  @ManyToOne(() => PlanItemEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'item_id' })
  item?: PlanItemEntity;

  @ManyToOne('DepartmentEntity', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'department_id' })
  department?: DepartmentEntity;
}
