import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

export const DIGEST_DELIVERY_KINDS = ['periodic', 'phase'] as const;
export type DigestDeliveryKind = (typeof DIGEST_DELIVERY_KINDS)[number];

/**
 * One status digest (lägesrapport) a management user was due: the window it covered, whether an email
 * went out (nothing new and nothing owed: none), and its figures. The key settles a rerun and two
 * workers at once: a window is recorded, and its email queued, once. The latest row's window end is
 * where the next digest's "since the last digest" starts.
 */
@Entity('digest_delivery')
@Index('digest_delivery_user_end_idx', ['userId', 'windowEnd'])
export class DigestDeliveryEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'digest_delivery_pkey' })
  userId!: string;

  /** `periodic` (the user's frequency) or `phase` (a phase change of a round of theirs). */
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'digest_delivery_pkey' })
  kind!: DigestDeliveryKind;

  @PrimaryColumn({ type: 'timestamptz', primaryKeyConstraintName: 'digest_delivery_pkey' })
  windowStart!: Date;

  @Column({ type: 'timestamptz' })
  windowEnd!: Date;

  /** An email was queued (false: nothing new and nothing owed). */
  @Column({ type: 'boolean' })
  sent!: boolean;

  @Column({ type: 'int' })
  owedCount!: number;

  @Column({ type: 'int' })
  overdueCount!: number;

  /** Follow-up reports on the user's departments' items in the window. */
  @Column({ type: 'int' })
  changeCount!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
