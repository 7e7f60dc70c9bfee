import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { ExtensionStatus } from '../consultation.model';
import { ConsultationRecipientEntity } from './consultation-recipient.entity';

/** Anstånd: a recipient asks for a later reply date with a reason; a strategist approves (maybe another date) or declines. */
@Entity('consultation_extension')
@Index('consultation_extension_one_open', ['roundId', 'committeeId'], { unique: true, where: `"status" = 'requested'` })
@Check('consultation_extension_status_known', `"status" IN ('requested', 'approved', 'declined')`)
export class ConsultationExtensionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  roundId!: string;

  @Column({ type: 'uuid' })
  committeeId!: string;

  @Column({ type: 'date' })
  requestedReplyBy!: string;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ type: 'uuid', nullable: true })
  requestedById!: string | null;

  @Column({ type: 'text' })
  requestedByName!: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  requestedAt!: Date;

  @Column({ type: 'text', default: 'requested' })
  status!: ExtensionStatus;

  /** The reply date granted (approved). */
  @Column({ type: 'date', nullable: true })
  decidedReplyBy!: string | null;

  /** Why it was declined. */
  @Column({ type: 'text', nullable: true })
  decisionReason!: string | null;

  @Column({ type: 'uuid', nullable: true })
  decidedById!: string | null;

  @Column({ type: 'text', nullable: true })
  decidedByName!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  @ManyToOne(() => ConsultationRecipientEntity, { onDelete: 'CASCADE' })
  @JoinColumn([
    { name: 'round_id', referencedColumnName: 'roundId' },
    { name: 'committee_id', referencedColumnName: 'committeeId' },
  ])
  recipient?: ConsultationRecipientEntity;
}
