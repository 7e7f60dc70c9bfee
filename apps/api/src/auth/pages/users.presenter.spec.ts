import type { UserWithGrants } from '@samverka/identity';
import { buildUserList, buildUserPage } from './users.presenter';
import { USERS_PAGE_SIZE } from './user-forms';

const account = (i: number, over: Partial<UserWithGrants['user']> = {}): UserWithGrants =>
  ({
    user: { id: `u${i}`, personId: `p${i}`, passwordHash: null, disabledAt: null, lastSignInAt: null, person: { name: `Person ${i}`, email: `p${i}@malmo.example`, title: null }, ...over },
    grants: [],
  }) as unknown as UserWithGrants;

describe('the users list', () => {
  it('pages: what is shown of how many, and links to the pages before and after that keep the search', () => {
    const users = Array.from({ length: USERS_PAGE_SIZE }, (_, i) => account(i));
    const model = buildUserList({ users, total: 60 }, 'berg', 2, false);
    expect(model.summary).toBe('Visar 26–50 av 60 användare som matchar ”berg”.');
    expect(model.paging).toEqual({ previous: '/admin/anvandare?sok=berg&sida=1', next: '/admin/anvandare?sok=berg&sida=3' });
    expect(buildUserList({ users: users.slice(0, 3), total: 3 }, '', 1, false).paging).toBeNull();
  });

  it('says when nobody matches', () => {
    expect(buildUserList({ users: [], total: 0 }, 'xyz', 1, false).summary).toBe('Ingen användare har ”xyz” i namnet eller e-postadressen.');
  });

  it('says how each user signs in', () => {
    expect(buildUserList({ users: [account(1)], total: 1 }, '', 1, false).rows[0].signIn).toBe('Inget lösenord ännu');
    expect(buildUserList({ users: [account(1)], total: 1 }, '', 1, true).rows[0].signIn).toBe('Stadens inloggning');
    expect(buildUserList({ users: [account(1, { passwordHash: 'x' })], total: 1 }, '', 1, false).rows[0].signIn).toBe('Lösenord');
  });
});

describe('a user page', () => {
  const page = (over: Partial<UserWithGrants['user']> = {}) => buildUserPage({ account: account(1, over), departments: [], committees: [], sso: false });

  it('offers disabling and a new link to an active account, and enabling (only) to a disabled one', () => {
    expect(page()).toMatchObject({ disableAction: '/admin/anvandare/u1/inaktivera', enableAction: null, inviteAction: '/admin/anvandare/u1/skicka-lank' });
    expect(page({ disabledAt: new Date() })).toMatchObject({ disableAction: null, enableAction: '/admin/anvandare/u1/aktivera', inviteAction: null });
  });

  it('offers the roles granted by hand (coordinator follows from an assignment)', () => {
    expect(page().grant.roles.map((r) => r.text)).toEqual(['Administratör', 'Strateg på kontaktcenter', 'Förvaltningsledning', 'Nämndsekreterare']);
  });
});
