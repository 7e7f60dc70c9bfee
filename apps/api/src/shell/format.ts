import { formatSwedishDate, formatSwedishDateTime, LocalDate } from '@samverka/kernel';
import { ASSIGNMENT_STATUS_LABELS, AssignmentStatus, CoordinatorAssignmentEntity } from '@samverka/organisation';

/** One line of the GOV.UK error summary: the message, linking to its field. */
export interface ErrorSummaryItem {
  text: string;
  href: string;
}

/** A GOV.UK tag: text plus a colour modifier. */
export interface TagView {
  text: string;
  classes: string;
}

export const tag = (text: string, colour?: 'grey' | 'green' | 'turquoise' | 'blue' | 'light-blue' | 'purple' | 'red' | 'orange' | 'yellow'): TagView => ({
  text,
  classes: colour ? `govuk-tag--${colour}` : '',
});

const STATUS_COLOURS: Record<AssignmentStatus, Parameters<typeof tag>[1]> = { active: 'green', scheduled: 'blue', ended: 'grey' };

/** An assignment's status as a tag: "Aktivt". */
export const statusTag = (status: AssignmentStatus): TagView => tag(ASSIGNMENT_STATUS_LABELS[status], STATUS_COLOURS[status]);

export const swedishDate = (date: LocalDate): string => formatSwedishDate(date);

export const swedishDateTime = (instant: Date): string => formatSwedishDateTime(instant);

/** "från 3 mars 2026, tills vidare" or "3 mars 2026 – 2 mars 2027". */
export function period(a: Pick<CoordinatorAssignmentEntity, 'validFrom' | 'validTo'>): string {
  return a.validTo === null ? `Från ${swedishDate(a.validFrom)}, tills vidare` : `${swedishDate(a.validFrom)} – ${swedishDate(a.validTo)}`;
}

export const departmentPath = (departmentId: string): string => `/forvaltningar/${departmentId}`;
