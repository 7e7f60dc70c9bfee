import { formatSwedishDate, formatSwedishDateTime, LocalDate } from '@samverka/kernel';
import { AssignmentStatus, CoordinatorAssignmentEntity, CoordinatorKind } from '@samverka/organisation';

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

export const KIND_LABELS: Record<CoordinatorKind, string> = { primary: 'Samordnare', deputy: 'Ersättare' };

const STATUS_TAGS: Record<AssignmentStatus, TagView> = {
  active: tag('Aktivt', 'green'),
  scheduled: tag('Kommande', 'blue'),
  ended: tag('Avslutat', 'grey'),
};

export const statusTag = (status: AssignmentStatus): TagView => STATUS_TAGS[status];

export const swedishDate = (date: LocalDate): string => formatSwedishDate(date);

export const swedishDateTime = (instant: Date): string => formatSwedishDateTime(instant);

/** "från 3 mars 2026, tills vidare" or "3 mars 2026 – 2 mars 2027". */
export function period(a: Pick<CoordinatorAssignmentEntity, 'validFrom' | 'validTo'>): string {
  return a.validTo === null ? `Från ${swedishDate(a.validFrom)}, tills vidare` : `${swedishDate(a.validFrom)} – ${swedishDate(a.validTo)}`;
}

export const departmentPath = (departmentId: string): string => `/forvaltningar/${departmentId}`;
