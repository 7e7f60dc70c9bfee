import type { OverdueKind } from './overview.model';

/** What is overdue, as the overview names it. */
export const OVERDUE_KIND_LABELS: Record<OverdueKind, string> = {
  needs: 'Behov inte inlämnade',
  consultationResponse: 'Remissvar saknas',
  followUpReport: 'Uppföljning inte rapporterad',
};

export const OVERVIEW_LABELS = {
  title: 'Stadsöversikt',
  departmentTitle: 'Översikt för dina förvaltningar',
  contactCentre: 'Kontaktcenter',
  digests: 'Lägesrapporter',
} as const;
