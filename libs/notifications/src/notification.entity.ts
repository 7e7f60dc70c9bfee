import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const NOTIFICATION_STATUSES = ['pending', 'sending', 'sent', 'failed'] as const;
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];

/**
 * The outbox: one row per email, written in the same transaction as the
 * change that causes it, sent later by the worker. `dedupKey` is unique, so
 * the same email can never be queued twice, whoever tries.
 */
@Entity('notification')
@Index('notification_due_idx', ['status', 'nextAttemptAt'])
export class NotificationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** e.g. `coordinator.appointed` */
  @Index('notification_kind_idx')
  @Column({ type: 'text' })
  kind!: string;

  /** e.g. `coordinator.appointed:<assignment>:<person>`: one email per key, ever. */
  @Column({ type: 'text', unique: true })
  dedupKey!: string;

  @Column({ type: 'citext' })
  recipientEmail!: string;

  @Column({ type: 'text' })
  recipientName!: string;

  @Column({ type: 'uuid', nullable: true })
  recipientPersonId!: string | null;

  /** The template's data, checked against the kind's type when queued. */
  @Column({ type: 'jsonb' })
  data!: Record<string, unknown>;

  @Column({ type: 'enum', enum: NOTIFICATION_STATUSES, enumName: 'notification_status', default: 'pending' })
  status!: NotificationStatus;

  @Column({ type: 'int', default: 0 })
  attempts!: number;

  @Column({ type: 'timestamptz' })
  nextAttemptAt!: Date;

  /** While `sending`: the worker holding it, until when. A worker that dies leaves a lease that runs out. */
  @Column({ type: 'text', nullable: true })
  lockedBy!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  lockedUntil!: Date | null;

  @Column({ type: 'text', nullable: true })
  lastError!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt!: Date | null;

  /** The Message-ID the SMTP server accepted. */
  @Column({ type: 'text', nullable: true })
  messageId!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
