import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { DepartmentEntity } from '@samverka/organisation';
import type { ReportSource, ReportStatus } from '../follow-up.model';
import { FollowUpItemEntity } from './follow-up-item.entity';
import { FollowUpPeriodEntity } from './follow-up-period.entity';

/**
 * One organisation's report on one item for one period, kept as it was sent. A correction is a new
 * row with the next revision; the latest revision is the report. The unique keys settle two reports
 * sent at once (one wins, the other is a 409).
 */
@Entity('follow_up_report')
@Index('follow_up_report_department_revision', ['periodId', 'itemId', 'departmentId', 'revision'], { unique: true, where: '"department_id" IS NOT NULL' })
@Index('follow_up_report_contact_centre_revision', ['periodId', 'itemId', 'revision'], { unique: true, where: '"contact_centre"' })
@Index('follow_up_report_round_idx', ['roundId', 'periodId'])
// An item's reports (for a period): what the reminders, tasks and digests look up per obligation, whichever organisation reports.
@Index('follow_up_report_item_period_idx', ['itemId', 'periodId'])
@Index('follow_up_report_department_idx', ['departmentId'])
@Check('follow_up_report_one_organisation', `("department_id" IS NULL) = "contact_centre"`)
@Check('follow_up_report_status_known', `"status" IN ('not_started', 'on_track', 'at_risk', 'delayed', 'done', 'cancelled')`)
@Check('follow_up_report_progress_range', `"progress" BETWEEN 0 AND 100`)
@Check('follow_up_report_cause_given', `"status" NOT IN ('at_risk', 'delayed') OR ("cause" IS NOT NULL AND "needed" IS NOT NULL)`)
@Check('follow_up_report_source_known', `"source" IN ('api', 'form', 'csv')`)
@Check('follow_up_report_revision_positive', `"revision" >= 1`)
export class FollowUpReportEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  roundId!: string;

  @Column({ type: 'uuid' })
  periodId!: string;

  @Column({ type: 'uuid' })
  itemId!: string;

  @Column({ type: 'uuid', nullable: true })
  departmentId!: string | null;

  @Column({ type: 'boolean', default: false })
  contactCentre!: boolean;

  @Column({ type: 'int' })
  revision!: number;

  @Column({ type: 'text' })
  status!: ReportStatus;

  @Column({ type: 'int' })
  progress!: number;

  @Column({ type: 'text' })
  comment!: string;

  @Column({ type: 'text', nullable: true })
  cause!: string | null;

  @Column({ type: 'text', nullable: true })
  needed!: string | null;

  @Column({ type: 'text' })
  source!: ReportSource;

  @Column({ type: 'uuid', nullable: true })
  reportedById!: string | null;

  @Column({ type: 'text', nullable: true })
  reportedByName!: string | null;

  @Column({ type: 'timestamptz' })
  reportedAt!: Date;

  @ManyToOne(() => FollowUpPeriodEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'period_id' })
  period?: FollowUpPeriodEntity;

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
