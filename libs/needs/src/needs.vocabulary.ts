import type { EvidenceKind, NeedPriority } from './entities/need.entity';
import type { SubmissionStatus } from './entities/needs-submission.entity';

/**
 * The words for the needs context's values (Swedish), in one place: the
 * pages, the exports and the messages all take them from here.
 */

/** A need's priority: "Hög". */
export const NEED_PRIORITY_LABELS: Record<NeedPriority, string> = { high: 'Hög', medium: 'Medel', low: 'Låg' };

/** What a need rests on: "Enkät eller undersökning". */
export const EVIDENCE_KIND_LABELS: Record<EvidenceKind, string> = {
  statistics: 'Statistik',
  survey: 'Enkät eller undersökning',
  staffObservation: 'Iakttagelser från medarbetare',
};

/** Where a department's submission stands: "Inlämnad". */
export const SUBMISSION_STATUS_LABELS: Record<SubmissionStatus, string> = {
  draft: 'Utkast',
  submitted: 'Inlämnad',
  endorsed: 'Förankrad',
  returned: 'Återlämnad',
  nothingToReport: 'Inget att rapportera',
};
