import type { EvidenceKind, NeedPriority } from './entities/need.entity';
import type { SubmissionStatus } from './entities/needs-submission.entity';
import type { SubmissionStep } from './services/submission.service';

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
  endorsed: 'Godkänd',
  returned: 'Skickad tillbaka',
  nothingToReport: 'Inget att rapportera',
};

/** A step of a submission, as its history names it: "Godkände". */
export const SUBMISSION_STEP_LABELS: Record<SubmissionStep, string> = {
  submit: 'Lämnade in behoven',
  nothingToReport: 'Meddelade inget att rapportera',
  endorse: 'Godkände behoven',
  return: 'Skickade tillbaka behoven',
};

/** The statuses the needs analysis and its exports count unless told otherwise: handed in, and approved. */
export const COUNTED_BY_DEFAULT_LABEL = 'inlämnade och godkända behov';
