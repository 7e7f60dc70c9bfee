/**
 * Who is calling, with what reach, resolved once per request (by identity's
 * PrincipalService): city-wide roles, the departments a person manages or
 * coordinates (coordination follows from an assignment valid today) and the
 * committees whose secretary they are. It lives in the kernel because every
 * context's access policy reads it, and identity itself depends on the
 * organisation context.
 */
export interface Principal {
  userId: string;
  personId: string;
  name: string;
  email: string;
  sessionId: string;
  sessionKind: 'web' | 'api';
  csrfToken: string;
  admin: boolean;
  strategist: boolean;
  /** Department ids. */
  management: string[];
  /** Department ids, from coordinator assignments (primary or deputy) valid today. */
  coordinator: string[];
  /** Committee ids. */
  committeeSecretary: string[];
}
