import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ConsultationEntity } from './consultation.entity';

/** A question the contact centre wants answered in the responses, about one area or the whole plan. */
@Entity('consultation_question')
@Index('consultation_question_round_idx', ['roundId', 'position'])
export class ConsultationQuestionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  roundId!: string;

  /** Null: about the whole plan. */
  @Column({ type: 'text', nullable: true })
  areaCode!: string | null;

  @Column({ type: 'text' })
  text!: string;

  @Column({ type: 'int' })
  position!: number;

  @ManyToOne(() => ConsultationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'round_id' })
  consultation?: ConsultationEntity;
}
