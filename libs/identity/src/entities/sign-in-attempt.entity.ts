import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Every password sign-in attempt, for rate limiting per account and per address (across replicas). */
@Entity('sign_in_attempt')
@Index('sign_in_attempt_email_idx', ['email', 'attemptedAt'])
@Index('sign_in_attempt_ip_idx', ['ip', 'attemptedAt'])
export class SignInAttemptEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'citext' })
  email!: string;

  @Column({ type: 'text' })
  ip!: string;

  @Column({ type: 'boolean' })
  succeeded!: boolean;

  /** From the injected clock, like the window it is compared with. */
  @Column({ type: 'timestamptz', default: () => 'now()' })
  attemptedAt!: Date;
}
