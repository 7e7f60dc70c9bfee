import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, JoinColumn, ManyToOne, UpdateDateColumn } from 'typeorm';
// Another library's entity: a type here, and named by string in the relation (libraries export entities as types only).
import type { PlanRoundParticipantEntity } from '@samverka/rounds';

export const NEED_PRIORITIES = ['high', 'medium', 'low'] as const;
export type NeedPriority = (typeof NEED_PRIORITIES)[number];

export const EVIDENCE_KINDS = ['statistics', 'survey', 'staffObservation'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

export interface Evidence {
  kind: EvidenceKind;
  source: string;
  /** When the evidence was gathered (YYYY-MM-DD). */
  date: string | null;
}

/**
 * Behov: one citizen-service need a department logs in a round, tagged by development area,
 * channels, districts and target groups (codes of `reference_item`), with its evidence.
 */
@Entity('need')
@Index('need_round_department_idx', ['roundId', 'departmentId'])
@Check('need_priority_known', `"priority" IN ('high', 'medium', 'low')`)
@Check('need_monthly_volume_positive', `"monthly_volume" IS NULL OR "monthly_volume" >= 0`)
@Check('need_has_channel', `cardinality("channels") > 0`)
export class NeedEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  roundId!: string;

  @Column({ type: 'uuid' })
  departmentId!: string;

  @Column({ type: 'text' })
  areaCode!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  description!: string;

  @Column({ type: 'text', array: true })
  channels!: string[];

  @Column({ type: 'text', array: true })
  districts!: string[];

  @Column({ type: 'text', array: true })
  targetGroups!: string[];

  @Column({ type: 'jsonb', nullable: true })
  evidence!: Evidence | null;

  @Column({ type: 'int', nullable: true })
  monthlyVolume!: number | null;

  @Column({ type: 'text' })
  priority!: NeedPriority;

  @Column({ type: 'text', nullable: true })
  consequence!: string | null;

  @Column({ type: 'uuid', nullable: true })
  createdById!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  /** The department must take part in the round. */
  @ManyToOne('PlanRoundParticipantEntity', { onDelete: 'CASCADE' })
  @JoinColumn([
    { name: 'round_id', referencedColumnName: 'roundId' },
    { name: 'department_id', referencedColumnName: 'departmentId' },
  ])
  participant?: PlanRoundParticipantEntity;
}
