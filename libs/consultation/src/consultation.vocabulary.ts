import type { ExtensionStatus, RecipientStatus, ResponseStance, TriageDecision } from './consultation.model';

/** The Swedish labels of the consultation's enums, written once. */
export const RESPONSE_STANCE_LABELS: Readonly<Record<ResponseStance, string>> = {
  approve: 'Tillstyrker',
  approve_with_remarks: 'Tillstyrker med synpunkter',
  reject: 'Avstyrker',
  decline: 'Avstår från att yttra sig',
};

export const RECIPIENT_STATUS_LABELS: Readonly<Record<RecipientStatus, string>> = {
  awaiting: 'Väntar på svar',
  responded: 'Har svarat',
  declined: 'Avstår',
  overdue: 'Försenat',
};

export const EXTENSION_STATUS_LABELS: Readonly<Record<ExtensionStatus, string>> = {
  requested: 'Begärt',
  approved: 'Beviljat',
  declined: 'Avslaget',
};

export const TRIAGE_DECISION_LABELS: Readonly<Record<TriageDecision, string>> = {
  accepted: 'Tillgodoses',
  partly_accepted: 'Tillgodoses delvis',
  rejected: 'Tillgodoses inte',
  noted: 'Noteras',
};
