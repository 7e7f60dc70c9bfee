import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@samverka/database';
import { SignInAttemptEntity } from '../entities/sign-in-attempt.entity';

@Injectable()
export class SignInAttemptRepository {
  constructor(private readonly tx: TransactionHost) {}

  async record(email: string, ip: string, succeeded: boolean, at: Date): Promise<SignInAttemptEntity> {
    const repo = this.tx.repository(SignInAttemptEntity);
    return repo.save(repo.create({ email, ip, succeeded, attemptedAt: at }));
  }

  /**
   * Failures since `since` for the account and for the address (one query),
   * counting for the account only those after its last success.
   */
  async countRecentFailures(email: string, ip: string, since: Date): Promise<{ account: number; address: number; oldestAccountFailure: Date | null; oldestAddressFailure: Date | null }> {
    const [row] = await this.tx.manager.query(
      `with recent as (select * from sign_in_attempt where attempted_at > $3 and (email = $1 or ip = $2)),
            last_ok as (select max(attempted_at) as at from recent where email = $1 and succeeded)
       select count(*) filter (where email = $1 and not succeeded and attempted_at > coalesce((select at from last_ok), '-infinity')) as account,
              count(*) filter (where ip = $2 and not succeeded) as address,
              min(attempted_at) filter (where email = $1 and not succeeded and attempted_at > coalesce((select at from last_ok), '-infinity')) as oldest_account,
              min(attempted_at) filter (where ip = $2 and not succeeded) as oldest_address
         from recent`,
      [email, ip, since],
    );
    return {
      account: Number(row.account),
      address: Number(row.address),
      oldestAccountFailure: row.oldest_account ? new Date(row.oldest_account) : null,
      oldestAddressFailure: row.oldest_address ? new Date(row.oldest_address) : null,
    };
  }
}
