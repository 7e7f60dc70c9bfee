import type { Principal } from '@samverka/kernel';
import { mayEditPlan, mayReadPlanDraft } from './plan-access.policy';

const principal = (over: Partial<Principal> = {}): Principal => ({
  userId: 'u',
  personId: 'p',
  name: 'Test',
  email: 't@example.se',
  sessionId: 's',
  sessionKind: 'api',
  csrfToken: 'c',
  admin: false,
  strategist: false,
  management: [],
  coordinator: [],
  committeeSecretary: [],
  ...over,
});

describe('plan access', () => {
  it('lets only strategists edit the plan', () => {
    expect(mayEditPlan(principal({ strategist: true }))).toBe(true);
    expect(mayEditPlan(principal({ admin: true }))).toBe(false);
    expect(mayEditPlan(principal({ management: ['d'], coordinator: ['d'] }))).toBe(false);
  });

  it('lets strategists and admins read the draft, nobody else', () => {
    expect(mayReadPlanDraft(principal({ strategist: true }))).toBe(true);
    expect(mayReadPlanDraft(principal({ admin: true }))).toBe(true);
    expect(mayReadPlanDraft(principal({ management: ['d'], coordinator: ['d'], committeeSecretary: ['c'] }))).toBe(false);
  });
});
