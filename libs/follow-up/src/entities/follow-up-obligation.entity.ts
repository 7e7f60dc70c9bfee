import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { DepartmentEntity } from '@samverka/organisation';
import { FollowUpItemEntity } from './follow-up-item.entity';

/** An organisation responsible (R) for an item of the adopted plan, which therefore reports on it each period. */
@Entity('follow_up_obligation')
@Index('follow_up_obligation_department_once', ['roundId', 'itemId', 'departmentId'], { unique: true, where: '"department_id" IS NOT NULL' })
@Index('follow_up_obligation_contact_centre_once', ['roundId', 'itemId'], { unique: true, where: '"contact_centre"' })
@Index('follow_up_obligation_department_idx', ['departmentId'])
// A round's obligations (and one organisation's in it), whether a department's or the contact centre's: the partial unique keys above serve neither.
@Index('follow_up_obligation_round_department_idx', ['roundId', 'departmentId'])
@Check('follow_up_obligation_one_organisation', `("department_id" IS NULL) = "contact_centre"`)
export class FollowUpObligationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  roundId!: string;

  @Column({ type: 'uuid' })
  itemId!: string;

  @Column({ type: 'uuid', nullable: true })
  departmentId!: string | null;

  @Column({ type: 'boolean', default: false })
  contactCentre!: boolean;

  @ManyToOne(() => FollowUpItemEntity, { onDelete: 'CASCADE' })
  @JoinColumn([
    { name: 'round_id', referencedColumnName: 'roundId' },
    { name: 'item_id', referencedColumnName: 'itemId' },
  ])
  item?: FollowUpItemEntity;

  @ManyToOne('DepartmentEntity', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'department_id' })
  department?: DepartmentEntity;
}
