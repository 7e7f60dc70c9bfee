import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Append-only record of a change of consequence: who, what, when, before and after. */
@Entity('audit_event')
@Index('audit_event_subject_idx', ['subjectType', 'subjectId', 'occurredAt'])
export class AuditEventEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  occurredAt!: Date;

  /** The person acting, when known (null for the system or an unauthenticated operator). */
  @Column({ type: 'uuid', nullable: true })
  actorId!: string | null;

  /** Human-readable actor, e.g. a name or "cli". */
  @Column({ type: 'text' })
  actorLabel!: string;

  /** Where the actor acted from (the client address), when known. */
  @Column({ type: 'text', nullable: true })
  actorIp!: string | null;

  /** e.g. `department.created`, `coordinator.appointed`. */
  @Column({ type: 'text' })
  action!: string;

  @Column({ type: 'text' })
  subjectType!: string;

  @Column({ type: 'uuid' })
  subjectId!: string;

  @Column({ type: 'jsonb', nullable: true })
  before!: Record<string, unknown> | null;

  @Column({ type: 'jsonb', nullable: true })
  after!: Record<string, unknown> | null;
}
