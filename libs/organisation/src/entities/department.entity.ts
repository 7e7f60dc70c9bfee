import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { CommitteeEntity } from './committee.entity';

/** Förvaltning: an administration, serving one committee. */
@Entity('department')
export class DepartmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'citext', unique: true })
  code!: string;

  @Column({ type: 'text' })
  name!: string;

  @Index('department_committee_idx')
  @Column({ type: 'uuid' })
  committeeId!: string;

  @ManyToOne(() => CommitteeEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'committee_id' })
  committee?: CommitteeEntity;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
