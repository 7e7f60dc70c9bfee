import { CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
// Another library's entity: a type here, and named by string in the relation (libraries export entities as types only).
import type { DepartmentEntity } from '@samverka/organisation';
import { PlanRoundEntity } from './plan-round.entity';

/** A department taking part in a round. */
@Entity('plan_round_participant')
export class PlanRoundParticipantEntity {
  @PrimaryColumn({ type: 'uuid' })
  roundId!: string;

  @Index('plan_round_participant_department_idx')
  @PrimaryColumn({ type: 'uuid' })
  departmentId!: string;

  @ManyToOne(() => PlanRoundEntity, (r) => r.participants, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'round_id' })
  round?: PlanRoundEntity;

  @ManyToOne('DepartmentEntity', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'department_id' })
  department?: DepartmentEntity;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
