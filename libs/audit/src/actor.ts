/** Who is acting. Until sign-in exists every caller is an anonymous operator; later, the signed-in user. */
export interface Actor {
  personId: string | null;
  label: string;
  /** The address the request came from, when there was a request. */
  ip?: string | null;
}

export const SYSTEM_ACTOR: Actor = { personId: null, label: 'system' };
export const CLI_ACTOR: Actor = { personId: null, label: 'cli' };

/** The actor as an email names them: a person's label, or null for a machine (system, cli, demo seeding). */
export const personLabelOf = (actor: Actor): string | null => (/^(system|cli|demo)(\b|-|$)/i.test(actor.label) ? null : actor.label);
