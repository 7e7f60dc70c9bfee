import { FieldViolation, formatCount, LocalDate, Violations } from '@samverka/kernel';
import { EVIDENCE_KINDS, EvidenceKind, NEED_PRIORITIES, NeedPriority } from '../entities/need.entity';
import type { NeedInput } from '../services/need.service';

/** The maxima of a need's fields: the REST DTOs show them in OpenAPI, the service enforces them here. */
/** The needs list's pages: `limit` needs from `offset` (in the list's order); without a limit a page holds the default. */
export const NEED_LIST_PAGE = { defaultLimit: 200, maxLimit: 200, maxOffset: 1_000_000 } as const;

export const NEED_MAX = {
  areaCode: 40,
  title: 300,
  description: 8000,
  /** Codes per tag list (channels, districts, target groups). */
  codes: 30,
  evidenceSource: 500,
  monthlyVolume: 10_000_000,
  consequence: 4000,
} as const;

/** A need's own fields (NeedInput without the department). */
export type NeedFields = Omit<NeedInput, 'departmentId'>;

export const isEvidenceKind = (value: unknown): value is EvidenceKind => (EVIDENCE_KINDS as readonly unknown[]).includes(value);
export const isNeedPriority = (value: unknown): value is NeedPriority => (NEED_PRIORITIES as readonly unknown[]).includes(value);

const TAG_LISTS = {
  channels: { plural: 'kanaler', required: 'Välj minst en kanal' },
  districts: { plural: 'stadsområden', required: undefined },
  targetGroups: { plural: 'målgrupper', required: undefined },
} as const;

/**
 * Every rule of a need that needs no database, all broken ones at once
 * (`today` is the day in Europe/Stockholm, for the evidence date). Absent
 * fields are not checked, so a partial change can be checked too. Whether
 * the department takes part, the area belongs to the round and the codes are
 * known is for NeedService, which asks the database.
 */
export function needViolations(need: Partial<NeedFields>, today: LocalDate): FieldViolation[] {
  const v = new Violations()
    .text('areaCode', need.areaCode, { max: NEED_MAX.areaCode, empty: 'Välj utvecklingsområde', tooLong: `Utvecklingsområdets kod får vara högst ${NEED_MAX.areaCode} tecken` })
    .text('title', need.title, { max: NEED_MAX.title, empty: 'Ange en rubrik', tooLong: `Rubriken får vara högst ${NEED_MAX.title} tecken` })
    .text('description', need.description, { max: NEED_MAX.description, empty: 'Beskriv behovet', tooLong: `Beskrivningen får vara högst ${formatCount(NEED_MAX.description)} tecken` });
  for (const [field, list] of Object.entries(TAG_LISTS) as Array<[keyof typeof TAG_LISTS, (typeof TAG_LISTS)[keyof typeof TAG_LISTS]]>) {
    const codes = need[field]?.map((c) => c.trim()).filter((c) => c !== '');
    if (codes === undefined) continue;
    if (list.required !== undefined) v.when(codes.length === 0, field, 'arrayNotEmpty', list.required);
    v.when(new Set(codes).size > NEED_MAX.codes, field, 'arrayMaxSize', `Välj högst ${NEED_MAX.codes} ${list.plural}`);
  }
  if (need.evidence) {
    v.text('evidence.source', need.evidence.source, { max: NEED_MAX.evidenceSource, empty: 'Ange underlagets källa', tooLong: `Källan får vara högst ${NEED_MAX.evidenceSource} tecken` });
    const date = need.evidence.date;
    v.when(typeof date === 'string' && date > today, 'evidence.date', 'notInFuture', 'Underlagets datum kan inte ligga i framtiden');
  }
  const volume = need.monthlyVolume;
  if (volume !== undefined && volume !== null) {
    v.when(volume < 0, 'monthlyVolume', 'min', 'Antal ärenden per månad kan inte vara negativt');
    v.when(volume > NEED_MAX.monthlyVolume, 'monthlyVolume', 'max', `Antal ärenden per månad får vara högst ${formatCount(NEED_MAX.monthlyVolume)}`);
  }
  v.text('consequence', need.consequence, { max: NEED_MAX.consequence, tooLong: `Konsekvensen får vara högst ${formatCount(NEED_MAX.consequence)} tecken` });
  return v.list;
}
