import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { UserEntity } from './user.entity';

export const DIGEST_FREQUENCIES = ['weekly', 'biweekly', 'monthly', 'off'] as const;
export type DigestFrequency = (typeof DIGEST_FREQUENCIES)[number];
/** The issue: biweekly unless the user chooses otherwise. */
export const DEFAULT_DIGEST_FREQUENCY: DigestFrequency = 'biweekly';

/** How often a user wants the optional emails (as a digest). Mandatory kinds (deadlines, assignments) ignore it. No row: the default. */
@Entity('notification_preference')
export class NotificationPreferenceEntity {
  @PrimaryColumn({ type: 'uuid' })
  userId!: string;

  @OneToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @Column({ type: 'enum', enum: DIGEST_FREQUENCIES, enumName: 'digest_frequency', default: DEFAULT_DIGEST_FREQUENCY })
  digestFrequency!: DigestFrequency;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
