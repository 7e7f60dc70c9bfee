import { Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';

export const MIN_PASSWORD_LENGTH = 12;

/** argon2id with the library's defaults (m=64 MiB, t=3, p=4), which follow OWASP's guidance. */
@Injectable()
export class PasswordHasher {
  /** A hash of nothing anyone knows, verified against when the account does not exist, so timing does not tell. */
  private dummy?: Promise<string>;

  hash(password: string): Promise<string> {
    return argon2.hash(password, { type: argon2.argon2id });
  }

  async verify(hash: string | null, password: string): Promise<boolean> {
    if (!hash) {
      this.dummy ??= this.hash(`no-such-account-${Math.random()}`);
      await argon2.verify(await this.dummy, password).catch(() => false);
      return false;
    }
    return argon2.verify(hash, password).catch(() => false);
  }
}
