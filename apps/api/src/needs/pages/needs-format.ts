import { EVIDENCE_KIND_LABELS, NEED_PRIORITY_LABELS, NeedEntity, ReferenceItemEntity, SUBMISSION_STATUS_LABELS, SubmissionStatus, SubmissionStep } from '@samverka/needs';
import { SUBMISSION_STEP_SLUGS } from './submission-step-form';
import { swedishDate, tag, TagView } from '../../shell/format';
import { roundPath } from '../../rounds/pages/round-format';

/** /planomgangar/:id/behov/:departmentId: a department's needs in a round. */
export const needsPath = (roundId: string, departmentId: string): string => `${roundPath(roundId)}/behov/${departmentId}`;
export const needEditPath = (roundId: string, departmentId: string, needId: string): string => `${needsPath(roundId, departmentId)}/${needId}/andra`;
export const needDeletePath = (roundId: string, departmentId: string, needId: string): string => `${needsPath(roundId, departmentId)}/${needId}/ta-bort`;
export const submissionStepPath = (roundId: string, departmentId: string, step: SubmissionStep): string =>
  `${needsPath(roundId, departmentId)}/${SUBMISSION_STEP_SLUGS[step]}`;

/** The anchor of a need's card on the needs page. */
export const needAnchor = (needId: string): string => `behov-${needId}`;

/** "Förskoleförvaltningen" → "Förskoleförvaltningens" (a name ending in s, x or z takes no s). */
export const genitive = (name: string): string => (/[sxz]$/i.test(name) ? name : `${name}s`);

const SUBMISSION_COLOURS: Record<SubmissionStatus, Parameters<typeof tag>[1]> = {
  draft: 'grey',
  submitted: 'blue',
  endorsed: 'green',
  returned: 'orange',
  nothingToReport: 'turquoise',
};

export const submissionTag = (status: SubmissionStatus): TagView => tag(SUBMISSION_STATUS_LABELS[status], SUBMISSION_COLOURS[status]);

/** Handed in after the needs deadline (allowed, but marked). */
export const LATE_TAG: TagView = tag('Sen inlämning', 'red');

export type ReferenceItem = Pick<ReferenceItemEntity, 'code' | 'name' | 'active'>;

/** The reference data a need is tagged with, retired items included (a need may carry one). */
export interface ReferenceData {
  channels: ReferenceItem[];
  districts: ReferenceItem[];
  targetGroups: ReferenceItem[];
}

export interface NeedCardRow {
  key: string;
  value: string;
  /** Free text written by a person: its line breaks are kept. */
  text: boolean;
}

export interface NeedCardView {
  anchor: string;
  headingId: string;
  title: string;
  rows: NeedCardRow[];
  editHref: string | null;
  deleteHref: string | null;
}

const NOT_GIVEN = 'Inte angivet';
const names = (items: ReferenceItem[], codes: string[]): string => (codes.length === 0 ? NOT_GIVEN : codes.map((c) => items.find((i) => i.code === c)?.name ?? c).join(', '));
const volume = (n: number | null): string => (n === null ? NOT_GIVEN : `Ungefär ${new Intl.NumberFormat('sv-SE').format(n)}`);

/** "Statistik: Besöksstatistik 2025 (15 januari 2026)". */
export function evidenceText(evidence: NeedEntity['evidence']): string {
  if (!evidence) return 'Inget underlag angivet';
  const kind = EVIDENCE_KIND_LABELS[evidence.kind] ?? evidence.kind;
  return `${kind}: ${evidence.source}${evidence.date ? ` (${swedishDate(evidence.date)})` : ''}`;
}

/** A need as a summary card: what it is about and how it is tagged, by name; the links to change or remove it where allowed. */
export function needCard(
  need: Pick<NeedEntity, 'id' | 'roundId' | 'departmentId' | 'areaCode' | 'title' | 'description' | 'channels' | 'districts' | 'targetGroups' | 'evidence' | 'monthlyVolume' | 'priority' | 'consequence'>,
  areas: ReadonlyArray<{ code: string; name: string }>,
  reference: ReferenceData,
  editable: boolean,
): NeedCardView {
  const row = (key: string, value: string, text = false): NeedCardRow => ({ key, value, text });
  return {
    anchor: needAnchor(need.id),
    headingId: `${needAnchor(need.id)}-rubrik`,
    title: need.title,
    rows: [
      row('Utvecklingsområde', areas.find((a) => a.code === need.areaCode)?.name ?? need.areaCode),
      row('Beskrivning', need.description, true),
      row('Kanaler', names(reference.channels, need.channels)),
      row('Stadsområden', names(reference.districts, need.districts)),
      row('Målgrupper', names(reference.targetGroups, need.targetGroups)),
      row('Ärenden per månad', volume(need.monthlyVolume)),
      row('Prioritet', NEED_PRIORITY_LABELS[need.priority] ?? need.priority),
      row('Underlag', evidenceText(need.evidence)),
      row('Konsekvens om behovet inte tillgodoses', need.consequence ?? NOT_GIVEN, need.consequence !== null),
    ],
    editHref: editable ? needEditPath(need.roundId, need.departmentId, need.id) : null,
    deleteHref: editable ? needDeletePath(need.roundId, need.departmentId, need.id) : null,
  };
}
