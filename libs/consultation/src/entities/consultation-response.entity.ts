import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { ResponseStance, ResponseStatus } from '../consultation.model';
import { ConsultationRecipientEntity } from './consultation-recipient.entity';

/**
 * Yttrande: one revision of a committee's formal response. A draft until submitted; one submitted,
 * current (not superseded) response per committee, enforced by the database; a correction is a new
 * revision and the old one is kept (superseded). The text is kept exactly as entered.
 */
@Entity('consultation_response')
@Index('consultation_response_revision_unique', ['roundId', 'committeeId', 'revision'], { unique: true })
@Index('consultation_response_one_current', ['roundId', 'committeeId'], { unique: true, where: `"status" = 'submitted' AND "superseded_at" IS NULL` })
@Index('consultation_response_one_draft', ['roundId', 'committeeId'], { unique: true, where: `"status" = 'draft'` })
@Check('consultation_response_status_known', `"status" IN ('draft', 'submitted')`)
@Check('consultation_response_stance_known', `"stance" IS NULL OR "stance" IN ('approve', 'approve_with_remarks', 'reject', 'decline')`)
@Check(
  'consultation_response_submitted_complete',
  `"status" = 'draft' OR ("stance" IS NOT NULL AND "summary" IS NOT NULL AND "text" IS NOT NULL AND "adopted_on" IS NOT NULL AND "minute_reference" IS NOT NULL AND "submitted_at" IS NOT NULL)`,
)
export class ConsultationResponseEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  roundId!: string;

  @Column({ type: 'uuid' })
  committeeId!: string;

  /** 1, 2, … per committee: a correction is a new revision. */
  @Column({ type: 'int' })
  revision!: number;

  /** The remiss's sending (`consultation.sending`) it answers; a later sending supersedes the earlier one's responses. */
  @Column({ type: 'int', default: 1 })
  sending!: number;

  @Column({ type: 'text', default: 'draft' })
  status!: ResponseStatus;

  @Column({ type: 'text', nullable: true })
  stance!: ResponseStance | null;

  @Column({ type: 'text', nullable: true })
  summary!: string | null;

  /** The full text, exactly as entered (nothing corrected). */
  @Column({ type: 'text', nullable: true })
  text!: string | null;

  /** The meeting that adopted it. */
  @Column({ type: 'date', nullable: true })
  adoptedOn!: string | null;

  /** The minute's paragraph (§). */
  @Column({ type: 'text', nullable: true })
  minuteReference!: string | null;

  /** The committee's own case number (er beteckning). */
  @Column({ type: 'text', nullable: true })
  theirReference!: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  signatories!: string[];

  /** `[{ areaCode, comment }]`. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  areaComments!: Array<{ areaCode: string; comment: string }>;

  /** `[{ questionId, answer }]`. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  answers!: Array<{ questionId: string; answer: string }>;

  /** Entered by a strategist from a response received on paper. */
  @Column({ type: 'boolean', default: false })
  receivedOnPaper!: boolean;

  @Column({ type: 'uuid', nullable: true })
  createdById!: string | null;

  @Column({ type: 'text' })
  createdByName!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ type: 'uuid', nullable: true })
  submittedById!: string | null;

  @Column({ type: 'text', nullable: true })
  submittedByName!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  submittedAt!: Date | null;

  /** A later revision, or a later sending of the remiss, replaced it (kept, shown as earlier). */
  @Column({ type: 'timestamptz', nullable: true })
  supersededAt!: Date | null;

  @ManyToOne(() => ConsultationRecipientEntity, { onDelete: 'CASCADE' })
  @JoinColumn([
    { name: 'round_id', referencedColumnName: 'roundId' },
    { name: 'committee_id', referencedColumnName: 'committeeId' },
  ])
  recipient?: ConsultationRecipientEntity;
}
