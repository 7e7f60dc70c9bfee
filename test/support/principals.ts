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

export const PRINCIPALS = {
  admin: principal({ admin: true }),
  strategist: principal({ strategist: true }),
  'coordinator-own': principal({ coordinator: [DEPARTMENT] }),
  'coordinator-other': principal({ coordinator: [OTHER_DEPARTMENT] }),
  'management-own': principal({ management: [DEPARTMENT] }),
  'management-other': principal({ management: [OTHER_DEPARTMENT] }),
  'secretary-own': principal({ committeeSecretary: [COMMITTEE] }),
  'secretary-other': principal({ committeeSecretary: [OTHER_COMMITTEE] }),
  nobody: principal(),
} as const;
export type PrincipalName = keyof typeof PRINCIPALS;
