import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@samverka/database';
import { LessThanOrEqual } from 'typeorm';
import { OidcLoginEntity } from '../entities/oidc-login.entity';

export type NewOidcLogin = Pick<OidcLoginEntity, 'state' | 'codeVerifier' | 'nonce' | 'returnTo' | 'expiresAt'>;

/** Sign-ins through the identity provider under way, found again by `state`. */
@Injectable()
export class OidcLoginRepository {
  constructor(private readonly tx: TransactionHost) {}

  async insert(login: NewOidcLogin): Promise<void> {
    await this.tx.repository(OidcLoginEntity).insert(login);
  }

  /**
   * Deletes the sign-in under way for `state` and returns it, unless it has
   * expired: one statement, so two callbacks with the same state cannot both
   * get it (the second finds nothing).
   */
  async take(state: string, now: Date): Promise<NewOidcLogin | null> {
    const result = await this.tx
      .repository(OidcLoginEntity)
      .createQueryBuilder()
      .delete()
      .where('state = :state', { state })
      .returning('*')
      .execute();
    const rows = result.raw as Array<{ state: string; code_verifier: string; nonce: string; return_to: string; expires_at: Date }>;
    const row = rows[0];
    if (!row) return null;
    const expiresAt = new Date(row.expires_at);
    if (!(expiresAt.getTime() > now.getTime())) return null;
    return { state: row.state, codeVerifier: row.code_verifier, nonce: row.nonce, returnTo: row.return_to, expiresAt };
  }

  /** Forgets sign-ins that were started but never completed. */
  async deleteExpired(now: Date): Promise<number> {
    const result = await this.tx.repository(OidcLoginEntity).delete({ expiresAt: LessThanOrEqual(now) });
    return result.affected ?? 0;
  }
}
