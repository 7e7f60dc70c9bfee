/** Who is acting. Until sign-in exists every caller is an anonymous operator; later, the signed-in user. */
export interface Actor {
  personId: string | null;
  label: string;
  /** The address the request came from, when there was a request. */
  ip?: string | null;
}

export const SYSTEM_ACTOR: Actor = { personId: null, label: 'system' };
export const CLI_ACTOR: Actor = { personId: null, label: 'cli' };
