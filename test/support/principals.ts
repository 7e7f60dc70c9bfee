import type { Principal } from '@samverka/kernel';

/**
 * Principals for the access policies' unit specs, named like the access table's callers
 * (test/support/access-fixtures.ts): department A (`DEPARTMENT`) serves committee A
 * (`COMMITTEE`); the "other" callers act for department B in committee B.
 */
export const DEPARTMENT = 'department-a';
export const COMMITTEE = 'committee-a';
export const OTHER_DEPARTMENT = 'department-b';
export const OTHER_COMMITTEE = 'committee-b';
export const PERSON = 'person-me';

export const principal = (reach: Partial<Principal> = {}): Principal => ({
  userId: 'user-me',
  personId: PERSON,
  name: 'Test Person',
  email: 'test@malmo.example',
  sessionId: 'session-1',
  sessionKind: 'api',
  csrfToken: 'csrf-1',
  admin: false,
  strategist: false,
  management: [],
  coordinator: [],
  committeeSecretary: [],
  ...reach,
});

/** The access table's callers for department A (`department`, in committee A) against department B: own and other. */
export function principalsFor(a: { department: string; committee: string }, b: { department: string; committee: string }) {
  return {
    admin: principal({ admin: true }),
    strategist: principal({ strategist: true }),
    'coordinator-own': principal({ coordinator: [a.department] }),
    'coordinator-other': principal({ coordinator: [b.department] }),
    'management-own': principal({ management: [a.department] }),
    'management-other': principal({ management: [b.department] }),
    'secretary-own': principal({ committeeSecretary: [a.committee] }),
    'secretary-other': principal({ committeeSecretary: [b.committee] }),
    nobody: principal(),
  } as const;
}

export const PRINCIPALS = principalsFor({ department: DEPARTMENT, committee: COMMITTEE }, { department: OTHER_DEPARTMENT, committee: OTHER_COMMITTEE });
export type PrincipalName = keyof typeof PRINCIPALS;
