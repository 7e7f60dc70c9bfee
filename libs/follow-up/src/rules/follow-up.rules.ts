import { FieldViolation, isLocalDate, Violations } from '@samverka/kernel';
import { REPORT_STATUSES, ReportInput, ReportStatus, SetPeriodsInput, STATUSES_NEEDING_CAUSE } from '../follow-up.model';
import { REPORT_STATUS_LABELS } from '../follow-up.vocabulary';

export const FOLLOW_UP_LIMITS = { periods: 24, label: 60, comment: 4000, cause: 2000, needed: 2000 } as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const STATUS_LIST = REPORT_STATUSES.map((s) => REPORT_STATUS_LABELS[s].toLowerCase()).join(', ');

/** Every violation of a round's reporting periods: 1–24 periods, each a label (unique in the round) and a due date. */
export function periodsViolations(input: Partial<SetPeriodsInput> | null | undefined): FieldViolation[] {
  const v = new Violations();
  const periods = input?.periods;
  if (!Array.isArray(periods) || periods.length === 0) return v.add('periods', 'arrayNotEmpty', 'Ange minst en rapportperiod').list;
  if (periods.length > FOLLOW_UP_LIMITS.periods) return v.add('periods', 'arrayMaxSize', `Högst ${FOLLOW_UP_LIMITS.periods} rapportperioder`).list;
  const labels = new Map<string, number>();
  const ids = new Set<string>();
  periods.forEach((p, i) => {
    const at = `periods.${i}`;
    if (p?.id !== undefined && (typeof p.id !== 'string' || !UUID.test(p.id))) v.add(`${at}.id`, 'isUuid', 'Periodens id måste vara ett UUID');
    else if (p?.id !== undefined) {
      v.when(ids.has(p.id), `${at}.id`, 'unique', 'Samma period får bara förekomma en gång');
      ids.add(p.id);
    }
    const label = typeof p?.label === 'string' ? p.label : null;
    v.text(`${at}.label`, label, { max: FOLLOW_UP_LIMITS.label, empty: 'Ge perioden en benämning, t.ex. "2026 T1"', tooLong: `Benämningen får vara högst ${FOLLOW_UP_LIMITS.label} tecken` });
    if (label !== null && label.trim() !== '') {
      const key = label.trim().toLowerCase();
      v.when(labels.has(key), `${at}.label`, 'unique', `Benämningen "${label.trim()}" finns redan bland perioderna`);
      labels.set(key, i);
    }
    const due = p?.dueOn;
    if (typeof due !== 'string' || !isLocalDate(due)) v.add(`${at}.dueOn`, 'isDate', 'Skriv sista rapportdag som ÅÅÅÅ-MM-DD');
    else v.saneDate(`${at}.dueOn`, due, 'Sista rapportdag');
  });
  return v.list;
}

/** Every violation of one report: a period, exactly one organisation, a status, progress 0–100, a comment, and cause and need when at risk or delayed. */
export function reportViolations(input: Partial<ReportInput> | null | undefined, fieldPrefix = ''): FieldViolation[] {
  const v = new Violations();
  const f = (name: string) => `${fieldPrefix}${name}`;
  if (typeof input?.periodId !== 'string' || !UUID.test(input.periodId)) v.add(f('periodId'), 'isUuid', 'Välj en rapportperiod');
  const department = input?.departmentId;
  const contactCentre = input?.contactCentre === true;
  if (department !== undefined && department !== null && (typeof department !== 'string' || !UUID.test(department))) v.add(f('departmentId'), 'isUuid', 'Förvaltningens id måste vara ett UUID');
  else if (contactCentre && department) v.add(f('departmentId'), 'oneOrganisation', 'Rapportera antingen för en förvaltning eller för kontaktcenter, inte båda');
  else if (!contactCentre && !department) v.add(f('departmentId'), 'isNotEmpty', 'Ange förvaltningen som rapporterar (eller kontaktcenter)');
  const status = input?.status;
  v.when(!REPORT_STATUSES.includes(status as ReportStatus), f('status'), 'isIn', `Välj en status: ${STATUS_LIST}`);
  const progress = input?.progress;
  if (typeof progress !== 'number' || !Number.isInteger(progress)) v.add(f('progress'), 'isInt', 'Ange hur många procent som är klart, som ett heltal 0–100');
  else v.when(progress < 0 || progress > 100, f('progress'), 'range', 'Andelen klart ska vara mellan 0 och 100 procent');
  if (status === 'done' && typeof progress === 'number' && progress !== 100) v.add(f('progress'), 'doneIsComplete', 'En klar insats är klar till 100 procent');
  v.text(f('comment'), typeof input?.comment === 'string' ? input.comment : null, { max: FOLLOW_UP_LIMITS.comment, empty: 'Skriv en kommentar om läget', tooLong: `Kommentaren får vara högst ${FOLLOW_UP_LIMITS.comment} tecken` });
  const needsCause = STATUSES_NEEDING_CAUSE.includes(status as ReportStatus);
  const cause = typeof input?.cause === 'string' ? input.cause : null;
  const needed = typeof input?.needed === 'string' ? input.needed : null;
  if (needsCause) {
    v.text(f('cause'), cause, { max: FOLLOW_UP_LIMITS.cause, empty: 'Beskriv orsaken till förseningen eller risken', tooLong: `Orsaken får vara högst ${FOLLOW_UP_LIMITS.cause} tecken` });
    v.text(f('needed'), needed, { max: FOLLOW_UP_LIMITS.needed, empty: 'Beskriv vad som behövs för att komma i fas', tooLong: `Beskrivningen får vara högst ${FOLLOW_UP_LIMITS.needed} tecken` });
  } else {
    if (cause !== null) v.text(f('cause'), cause, { max: FOLLOW_UP_LIMITS.cause, tooLong: `Orsaken får vara högst ${FOLLOW_UP_LIMITS.cause} tecken` });
    if (needed !== null) v.text(f('needed'), needed, { max: FOLLOW_UP_LIMITS.needed, tooLong: `Beskrivningen får vara högst ${FOLLOW_UP_LIMITS.needed} tecken` });
  }
  return v.list;
}

/** Blank optional texts are stored as null; texts are trimmed. */
export function optionalText(value: string | null | undefined): string | null {
  const t = value?.trim();
  return t ? t : null;
}
