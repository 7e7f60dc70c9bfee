import type { CoordinatorKind } from './entities/coordinator-assignment.entity';
import type { AssignmentStatus } from './services/coordinator.service';

/**
 * The words for the organisation context's values (Swedish), in one place:
 * the pages and the messages take them from here.
 */

/** A coordinator assignment's kind: "Samordnare". */
export const COORDINATOR_KIND_LABELS: Record<CoordinatorKind, string> = { primary: 'Samordnare', deputy: 'Ersättare' };

/** Where an assignment stands today: "Aktivt". */
export const ASSIGNMENT_STATUS_LABELS: Record<AssignmentStatus, string> = { active: 'Aktivt', scheduled: 'Kommande', ended: 'Avslutat' };
