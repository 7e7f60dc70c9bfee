import type { DigestFrequency } from './entities/notification-preference.entity';
import type { Role } from './entities/role-grant.entity';

/** The words for the identity context's values (Swedish), in one place: the pages and messages take them from here. */

/** A role: "Förvaltningsledning". */
export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Administratör',
  strategist: 'Strateg på kontaktcenter',
  coordinator: 'Samordnare',
  management: 'Förvaltningsledning',
  committee_secretary: 'Nämndsekreterare',
};

/** Whether an account may sign in: "Aktivt". */
export const ACCOUNT_STATUS_LABELS = { enabled: 'Aktivt', disabled: 'Inaktiverat' } as const;

/** How often the status digest (lägesrapport) comes: "Varannan vecka". */
export const DIGEST_FREQUENCY_LABELS: Record<DigestFrequency, string> = {
  weekly: 'Varje vecka',
  biweekly: 'Varannan vecka',
  monthly: 'Varje månad',
  off: 'Aldrig (bara vid fasbyten)',
};
