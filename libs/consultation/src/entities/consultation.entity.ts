import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, OneToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { PersonEntity } from '@samverka/organisation';
import type { PlanRoundEntity } from '@samverka/rounds';

/**
 * Remiss: the consultation of one round (one per round), prepared while the plan is drafted and
 * sent by SEND_FOR_CONSULTATION: which frozen plan version, the common reply date, the cover letter
 * and the contact person. Its recipients, questions, responses and decisions are rows of their own.
 */
@Entity('consultation')
export class ConsultationEntity {
  // Named: TypeORM's generated name for (consultation, round_id) could meet another table's.
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'consultation_pkey' })
  roundId!: string;

  /** The frozen plan version sent (plan_version.version of this round). */
  @Column({ type: 'int' })
  planVersion!: number;

  /** The common reply date (svarsdatum); each recipient has its own, this one unless changed. */
  @Column({ type: 'date' })
  replyBy!: string;

  @Column({ type: 'text' })
  coverLetter!: string;

  @Column({ type: 'uuid', nullable: true })
  contactPersonId!: string | null;

  /**
   * The sending (utskick) this is: 1, and one more each time the remiss is prepared again after it was
   * sent (the plan returned by the executive board and sent on remiss again).
   */
  @Column({ type: 'int', default: 1 })
  sending!: number;

  /** When SEND_FOR_CONSULTATION sent this sending (null: prepared, not sent). */
  @Column({ type: 'timestamptz', nullable: true })
  sentAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  @OneToOne('PlanRoundEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'round_id' })
  round?: PlanRoundEntity;

  @ManyToOne('PersonEntity', { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'contact_person_id' })
  contactPerson?: PersonEntity;
}
