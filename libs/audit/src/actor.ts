/** Who is acting. Until sign-in exists every caller is an anonymous operator; later, the signed-in user. */
export interface Actor {
  personId: string | null;
  label: string;
  /** The address the request came from, when there was a request. */
  ip?: string | null;
}

export const SYSTEM_ACTOR: Actor = { personId: null, label: 'system' };
export const CLI_ACTOR: Actor = { personId: null, label: 'cli' };
/** Loading the demo city in an empty development database. */
export const DEMO_SEED_ACTOR: Actor = { personId: null, label: 'demo-seed' };

/**
 * How pages and emails name the system when it acts (a sweep, the CLI, demo seeding): the one
 * Swedish label, never a technical id such as `system` or `demo-seed`.
 */
export const SYSTEM_ACTOR_NAME = 'Samverka (automatiskt)';

const MACHINE_LABEL = /^(system|cli|demo)(\b|-|$)/i;

/** The label is a machine's (system, cli, demo seeding), not a person's name. */
export const isMachineLabel = (label: string): boolean => MACHINE_LABEL.test(label);

/** The actor as an email names them: a person's label, or null for a machine (system, cli, demo seeding). */
export const personLabelOf = (actor: Actor): string | null => (isMachineLabel(actor.label) ? null : actor.label);

/** Who acted, as a page shows it (a history row, "who handed in"): the person's name, or {@link SYSTEM_ACTOR_NAME} for a machine. */
export const actorName = (entry: { actorId: string | null; actorLabel: string }): string =>
  entry.actorId === null && isMachineLabel(entry.actorLabel) ? SYSTEM_ACTOR_NAME : entry.actorLabel;
