import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from './user.entity';

export const SESSION_KINDS = ['web', 'api'] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];

/**
 * A signed-in session: a browser session (cookie) or an API access token
 * (Bearer). Only a SHA-256 of the secret token is stored, so a copy of the
 * database cannot be used to sign in. Revocable: sign-out, disabling the user.
 */
@Entity('auth_session')
@Index('auth_session_user_idx', ['userId'])
export class AuthSessionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @Column({ type: 'enum', enum: SESSION_KINDS, enumName: 'session_kind' })
  kind!: SessionKind;

  @Column({ type: 'text', unique: true })
  tokenHash!: string;

  /** Per-session secret for the synchronizer-token CSRF check of web forms. */
  @Column({ type: 'text' })
  csrfToken!: string;

  /** `password` or `oidc`. */
  @Column({ type: 'text' })
  method!: string;

  @Column({ type: 'text', nullable: true })
  ip!: string | null;

  @Column({ type: 'text', nullable: true })
  userAgent!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz' })
  lastSeenAt!: Date;

  @Column({ type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;
}
