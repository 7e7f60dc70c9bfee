import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from './user.entity';

/**
 * A link for a new user to choose their password: single use, valid for PASSWORD_SETUP_TTL_HOURS.
 * Only the token's SHA-256 is stored; the token itself is in the email's link and nowhere else.
 */
@Entity('password_setup_token')
export class PasswordSetupTokenEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('password_setup_token_user_idx')
  @Column({ type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  /** SHA-256 (hex) of the token. */
  @Index('password_setup_token_hash_key', { unique: true })
  @Column({ type: 'text' })
  tokenHash!: string;

  @Column({ type: 'timestamptz' })
  expiresAt!: Date;

  /** When the password was set with it, or when a newer link replaced it: it cannot be used again. */
  @Column({ type: 'timestamptz', nullable: true })
  usedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
