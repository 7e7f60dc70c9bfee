import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
// Another library's entity: a type here, and named by string in the relation (libraries export entities as types only).
import type { PlanRoundParticipantEntity } from '@samverka/rounds';

export const SUBMISSION_STATUSES = ['draft', 'submitted', 'endorsed', 'returned', 'nothingToReport'] as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];

/** Statuses in which the department's needs may still be changed. */
export const EDITABLE_STATUSES: readonly SubmissionStatus[] = ['draft', 'returned'];
/** Statuses that count as "handed in" for the workflow's close-needs guard. */
export const HANDED_IN_STATUSES: readonly SubmissionStatus[] = ['submitted', 'endorsed', 'nothingToReport'];

/**
 * Inlämning: a department's set of needs for one round. draft → submitted → endorsed (godkänd by
 * management), or returned by management (editable again), or nothingToReport with a reason.
 * One per participating department and round; a row appears at the department's first action.
 */
@Entity('needs_submission')
@Check('needs_submission_status_known', `"status" IN ('draft', 'submitted', 'endorsed', 'returned', 'nothingToReport')`)
@Check('needs_submission_nothing_has_reason', `"status" <> 'nothingToReport' OR length(btrim(coalesce("nothing_to_report_reason", ''))) > 0`)
export class NeedsSubmissionEntity {
  @PrimaryColumn({ type: 'uuid' })
  roundId!: string;

  @PrimaryColumn({ type: 'uuid' })
  departmentId!: string;

  @Column({ type: 'text' })
  status!: SubmissionStatus;

  @Column({ type: 'text', nullable: true })
  nothingToReportReason!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  submittedAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  submittedById!: string | null;

  /** Handed in after the needs deadline (allowed, but marked). */
  @Column({ type: 'boolean', default: false })
  late!: boolean;

  @Column({ type: 'timestamptz', nullable: true })
  endorsedAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  endorsedById!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  returnedAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  returnComment!: string | null;

  /** Row version: +1 on every change. */
  @Column({ type: 'int', default: 1 })
  version!: number;

  /** The department must take part in the round. */
  @ManyToOne('PlanRoundParticipantEntity', { onDelete: 'CASCADE' })
  @JoinColumn([
    { name: 'round_id', referencedColumnName: 'roundId' },
    { name: 'department_id', referencedColumnName: 'departmentId' },
  ])
  participant?: PlanRoundParticipantEntity;
}
