import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { TriageDecision } from '../consultation.model';
import { ConsultationResponseEntity } from './consultation-response.entity';

/**
 * Förslag: one concrete request in a response, with its own text, optionally tied to an area or a plan
 * item; triaged by a strategist (accepted, partly accepted, rejected, noted) with a motivation and,
 * when accepted, the plan items it changed.
 */
@Entity('consultation_proposal')
@Index('consultation_proposal_round_idx', ['roundId', 'committeeId'])
@Index('consultation_proposal_response_idx', ['responseId', 'position'])
@Check('consultation_proposal_triage_known', `"triage_decision" IS NULL OR "triage_decision" IN ('accepted', 'partly_accepted', 'rejected', 'noted')`)
@Check('consultation_proposal_triage_motivated', `"triage_decision" IS NULL OR ("triage_motivation" IS NOT NULL AND "triaged_at" IS NOT NULL)`)
export class ConsultationProposalEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  responseId!: string;

  @Column({ type: 'uuid' })
  roundId!: string;

  @Column({ type: 'uuid' })
  committeeId!: string;

  @Column({ type: 'int' })
  position!: number;

  @Column({ type: 'text' })
  text!: string;

  @Column({ type: 'text', nullable: true })
  areaCode!: string | null;

  @Column({ type: 'text', nullable: true })
  itemCode!: string | null;

  @Column({ type: 'text', nullable: true })
  triageDecision!: TriageDecision | null;

  @Column({ type: 'text', nullable: true })
  triageMotivation!: string | null;

  /** The plan items an accepted proposal changed (their stable codes). */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  itemCodes!: string[];

  @Column({ type: 'uuid', nullable: true })
  triagedById!: string | null;

  @Column({ type: 'text', nullable: true })
  triagedByName!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  triagedAt!: Date | null;

  /** The triage's version: 0 untriaged, one more per (re-)triage; the API's ETag and If-Match on the triage. */
  @Column({ type: 'int', default: 0 })
  triageVersion!: number;

  @ManyToOne(() => ConsultationResponseEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'response_id' })
  response?: ConsultationResponseEntity;
}
