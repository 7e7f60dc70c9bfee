import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { CommitteeEntity } from '@samverka/organisation';
import { ConsultationEntity } from './consultation.entity';

/** Remissinstans: a committee the consultation goes to, with its own reply date (moved by an approved extension). */
@Entity('consultation_recipient')
@Index('consultation_recipient_committee_idx', ['committeeId'])
export class ConsultationRecipientEntity {
  @PrimaryColumn({ type: 'uuid' })
  roundId!: string;

  @PrimaryColumn({ type: 'uuid' })
  committeeId!: string;

  @Column({ type: 'date' })
  replyBy!: string;

  @ManyToOne(() => ConsultationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'round_id' })
  consultation?: ConsultationEntity;

  @ManyToOne('CommitteeEntity', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'committee_id' })
  committee?: CommitteeEntity;
}
