import { TransactionHost } from '@samverka/database';
import { IdentityErrorCode, IdentityModule, PasswordSetupService, SessionService, UserAdminService } from '@samverka/identity';
import { CommonErrorCode } from '@samverka/kernel';
import { createHash } from 'node:crypto';
import { codeOf } from '../support/code-of';
import { TEST_ACTOR } from '../support/given';
import { mediumContext, MediumContext } from '../support/medium';

const START = new Date('2026-03-02T09:00:00Z');
const HOUR = 3_600_000;
const PASSWORD = 'ett långt och hemligt lösenord';

interface InvitationRow {
  dedup_key: string;
  recipient_email: string;
  data: { setPasswordUrl: string | null; validUntil: string | null; ssoLabel: string | null };
}

describe('set-password links', () => {
  let ctx: MediumContext;
  let users: UserAdminService;
  let links: PasswordSetupService;

  beforeAll(async () => {
    ctx = await mediumContext([IdentityModule], START);
    users = ctx.get(UserAdminService);
    links = ctx.get(PasswordSetupService);
  });
  afterAll(() => ctx.close());
  afterEach(() => ctx.clock.set(START));

  const invitations = (email: string): Promise<InvitationRow[]> =>
    ctx.dataSource.query(`select dedup_key, recipient_email, data from notification where kind = 'user.invited' and recipient_email = $1 order by created_at, id`, [email]);
  const tokenOf = (row: InvitationRow): string => new URL(row.data.setPasswordUrl!).searchParams.get('token')!;
  const newUser = async (name: string) => {
    const email = `${name.toLowerCase().replace(/\s+/g, '.')}@malmo.example`;
    const created = await users.create(TEST_ACTOR, { email, name });
    return { ...created, email };
  };

  it('emails a new user without a password a link in the same transaction, with a unique key, and stores only its hash', async () => {
    const { user, email } = await newUser('Ny Användare');
    const [row] = await invitations(email);
    const token = tokenOf(row);
    const stored: Array<{ id: string; token_hash: string; expires_at: Date; used_at: Date | null }> = await ctx.dataSource.query(`select * from password_setup_token where user_id = $1`, [user.id]);
    expect(stored).toHaveLength(1);
    expect(row.dedup_key).toBe(`user.invited:${stored[0].id}`);
    expect(stored[0].token_hash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(stored[0].expires_at.getTime()).toBe(START.getTime() + 72 * HOUR);
    expect(row.data.validUntil).toBe('5 mars 2026 kl. 10:00');
  });

  it('writes neither the user nor the email nor the link when the transaction they are in rolls back', async () => {
    const email = 'aterkallad@malmo.example';
    const failed = ctx.get(TransactionHost).run(async () => {
      await users.create(TEST_ACTOR, { email, name: 'Återkallad Användare' });
      throw new Error('later step fails');
    });
    await expect(failed).rejects.toThrow('later step fails');
    await expect(invitations(email)).resolves.toHaveLength(0);
    await expect(users.findByEmail(email)).resolves.toBeNull();
  });

  it('sets the password once and signs the user in; the second use is refused and changes nothing', async () => {
    const { user, email } = await newUser('Engångs Länk');
    const token = tokenOf((await invitations(email))[0]);
    await expect(links.check(token)).resolves.toEqual({ status: 'valid', name: 'Engångs Länk', email });

    const { token: sessionToken } = await links.setPassword(token, PASSWORD, { ip: '10.0.0.1' });
    expect((await ctx.get(SessionService).resolve(sessionToken, 'web'))?.userId).toBe(user.id);
    expect((await users.get(user.id)).user.passwordHash).not.toBeNull();
    await expect(links.check(token)).resolves.toMatchObject({ status: 'used', name: null });

    const hashBefore = (await users.get(user.id)).user.passwordHash;
    expect(await codeOf(links.setPassword(token, 'ett helt annat lösenord', {}))).toBe(IdentityErrorCode.PASSWORD_LINK_INVALID);
    expect((await users.get(user.id)).user.passwordHash).toBe(hashBefore);
  });

  it('lets two uses at once set the password once', async () => {
    const { email } = await newUser('Samtidig Länk');
    const token = tokenOf((await invitations(email))[0]);
    const results = await Promise.allSettled([links.setPassword(token, PASSWORD, {}), links.setPassword(token, PASSWORD, {})]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
  });

  it('works until 72 hours have passed, and not from then on', async () => {
    const { email } = await newUser('Utgången Länk');
    const token = tokenOf((await invitations(email))[0]);
    ctx.clock.set(new Date(START.getTime() + 72 * HOUR - 1));
    await expect(links.check(token)).resolves.toMatchObject({ status: 'valid' });
    ctx.clock.set(new Date(START.getTime() + 72 * HOUR));
    await expect(links.check(token)).resolves.toMatchObject({ status: 'expired' });
    const refused = await links.setPassword(token, PASSWORD, {}).catch((e) => e);
    expect(refused.code).toBe(IdentityErrorCode.PASSWORD_LINK_INVALID);
    expect(refused.message).toMatch(/har gått ut/);
  });

  it('refuses a password breaking the rules before anything is written, and the link still works', async () => {
    const { email } = await newUser('Kort Lösenord');
    const token = tokenOf((await invitations(email))[0]);
    expect(await codeOf(links.setPassword(token, 'kort', {}))).toBe(CommonErrorCode.VALIDATION_FAILED);
    await expect(links.check(token)).resolves.toMatchObject({ status: 'valid' });
  });

  it('sends a new link on request, and the earlier one stops working; a disabled account gets none', async () => {
    const { user, email } = await newUser('Ny Länk');
    const first = tokenOf((await invitations(email))[0]);
    await users.resendInvitation(TEST_ACTOR, user.id);
    const rows = await invitations(email);
    expect(rows).toHaveLength(2);
    expect(new Set(rows.map((r) => r.dedup_key)).size).toBe(2);
    await expect(links.check(first)).resolves.toMatchObject({ status: 'used' });
    await expect(links.check(tokenOf(rows[1]))).resolves.toMatchObject({ status: 'valid' });

    await users.disable(TEST_ACTOR, user.id);
    await expect(links.check(tokenOf(rows[1]))).resolves.toMatchObject({ status: 'disabled' });
    expect(await codeOf(users.resendInvitation(TEST_ACTOR, user.id))).toBe(IdentityErrorCode.ACCOUNT_DISABLED);
  });

  it('sends no link to a user created with a password, and knows no made-up token', async () => {
    const created = await users.create(TEST_ACTOR, { email: 'med.losenord@malmo.example', name: 'Med Lösenord', password: PASSWORD });
    await expect(invitations('med.losenord@malmo.example')).resolves.toHaveLength(0);
    expect(created.user.passwordHash).not.toBeNull();
    await expect(links.check('finns-inte')).resolves.toEqual({ status: 'unknown', name: null, email: null });
  });
});

describe('set-password links with single sign-on', () => {
  let ctx: MediumContext;

  beforeAll(async () => {
    ctx = await mediumContext([IdentityModule], START, { OIDC_ISSUER_URL: 'https://login.malmo.example', OIDC_CLIENT_ID: 'samverka' });
  });
  afterAll(() => ctx.close());

  it('emails the new user to sign in with single sign-on instead, with no link to set a password', async () => {
    const { user } = await ctx.get(UserAdminService).create(TEST_ACTOR, { email: 'sso.anvandare@malmo.example', name: 'Sso Användare' });
    const rows: InvitationRow[] = await ctx.dataSource.query(`select dedup_key, recipient_email, data from notification where kind = 'user.invited'`);
    expect(rows).toHaveLength(1);
    expect(rows[0].data).toMatchObject({ setPasswordUrl: null, validUntil: null });
    expect(rows[0].data.ssoLabel).toEqual(expect.any(String));
    await expect(ctx.dataSource.query(`select * from password_setup_token where user_id = $1`, [user.id])).resolves.toHaveLength(0);
  });
});
