import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A sign-in through the identity provider under way: the PKCE verifier and nonce, found again by `state`. Used once. */
@Entity('oidc_login')
export class OidcLoginEntity {
  @PrimaryColumn({ type: 'text' })
  state!: string;

  @Column({ type: 'text' })
  codeVerifier!: string;

  @Column({ type: 'text' })
  nonce!: string;

  /** Where to go after signing in (a local path). */
  @Column({ type: 'text' })
  returnTo!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz' })
  expiresAt!: Date;
}
