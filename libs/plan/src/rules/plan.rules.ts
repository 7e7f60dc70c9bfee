import { FieldViolation, formatCount, Violations } from '@samverka/kernel';
import {
  CreatePlanItemInput,
  PLAN_ITEM_STATUSES,
  PLAN_START_FROM,
  PlanItemStatus,
  RESPONSIBILITY_ROLES,
  ResponsibilityRole,
  SetResponsibilitiesInput,
  StartPlanInput,
  UpdatePlanItemInput,
  UpdatePlanTextsInput,
} from '../plan.model';

/** The maxima of the plan's fields: the REST DTOs show them in OpenAPI, the services enforce them here. */
export const PLAN_LIMITS = {
  /** Each plan-level text (introduction, mandate, the departments' responsibility) and each area introduction. */
  text: 20_000,
  title: 300,
  description: 8000,
  expectedEffect: 4000,
  indicator: 2000,
  term: 20,
  code: 10,
  areaCode: 40,
  needIds: 200,
  responsibilities: 50,
  expectations: 4000,
  /** Hours per year for one organisation on one item. */
  effortHours: 100_000,
} as const;

/** An item's code: the area's prefix (1–6 capital letters) and a number, e.g. `LS-3`. */
export const PLAN_ITEM_CODE_PATTERN = /^[A-ZÅÄÖ]{1,6}-[0-9]{1,3}$/;

/** When an item starts or ends: a date `2027-03-01`, a year `2027`, a term `2027 T1`–`T3` or a quarter `2027 Q1`–`Q4`. */
export const PLAN_TERM_PATTERN = /^(\d{4})(?:-(\d{2})-(\d{2})| T([1-3])| Q([1-4]))?$/;

const TERM_MESSAGE = 'Ange ett datum (ÅÅÅÅ-MM-DD), ett år (2027), en termin (2027 T1–T3) eller ett kvartal (2027 Q1–Q4)';

const pad = (n: number) => String(n).padStart(2, '0');
const lastDayOf = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The first and last day a term covers (`YYYY-MM-DD`), or null when it is no term. */
export function termPeriod(term: string): { from: string; to: string } | null {
  const m = PLAN_TERM_PATTERN.exec(term.trim());
  if (!m) return null;
  const year = Number(m[1]);
  if (year < 2000 || year > 2099) return null;
  if (m[2] !== undefined) {
    const month = Number(m[2]);
    const day = Number(m[3]);
    if (month < 1 || month > 12 || day < 1 || day > lastDayOf(year, month)) return null;
    const date = `${year}-${pad(month)}-${pad(day)}`;
    return { from: date, to: date };
  }
  const months = (first: number, last: number) => ({ from: `${year}-${pad(first)}-01`, to: `${year}-${pad(last)}-${pad(lastDayOf(year, last))}` });
  // Tertial (T1 January–April, T2 May–August, T3 September–December), quarter, or the whole year.
  if (m[4] !== undefined) return months((Number(m[4]) - 1) * 4 + 1, Number(m[4]) * 4);
  if (m[5] !== undefined) return months((Number(m[5]) - 1) * 3 + 1, Number(m[5]) * 3);
  return months(1, 12);
}

/** Starting a plan: empty or from the previous round's adopted plan. */
export function startPlanViolations(input: Partial<StartPlanInput>): FieldViolation[] {
  return new Violations()
    .when(!(PLAN_START_FROM as readonly unknown[]).includes(input.startFrom), 'startFrom', 'isIn', 'Välj om planen börjar tom (empty) eller från föregående omgångs antagna plan (previousRound)')
    .list;
}

/** The plan-level texts and area introductions (only those given are checked). */
export function planTextsViolations(input: UpdatePlanTextsInput): FieldViolation[] {
  const tooLong = `Texten får vara högst ${formatCount(PLAN_LIMITS.text)} tecken`;
  const v = new Violations()
    .text('introduction', input.introduction, { max: PLAN_LIMITS.text, tooLong })
    .text('contactCentreMandate', input.contactCentreMandate, { max: PLAN_LIMITS.text, tooLong })
    .text('departmentResponsibility', input.departmentResponsibility, { max: PLAN_LIMITS.text, tooLong });
  const seen = new Set<string>();
  (input.areaIntroductions ?? []).forEach((a, i) => {
    v.text(`areaIntroductions[${i}].areaCode`, a.areaCode, { max: PLAN_LIMITS.areaCode, empty: 'Ange utvecklingsområdets kod', tooLong: `Koden får vara högst ${PLAN_LIMITS.areaCode} tecken` });
    const code = (a.areaCode ?? '').trim().toUpperCase();
    v.when(seen.has(code), `areaIntroductions[${i}].areaCode`, 'unique', `Området ${code} finns två gånger`);
    seen.add(code);
    v.text(`areaIntroductions[${i}].introduction`, a.introduction, { max: PLAN_LIMITS.text, tooLong });
  });
  return v.list;
}

/**
 * An item's own fields (those given: a PATCH checks only what it changes; `complete` also requires
 * the area, title and description), with start and end as terms and the end not before the start.
 * `current` holds the item's stored start and end, so a change of one is judged against the other.
 */
export function planItemViolations(input: UpdatePlanItemInput, options: { complete: boolean; current?: { startsOn: string | null; endsOn: string | null } }): FieldViolation[] {
  const required = options.complete;
  const given = (value: string | undefined) => (required && value === undefined ? '' : value);
  const v = new Violations()
    .text('areaCode', given(input.areaCode), { max: PLAN_LIMITS.areaCode, empty: 'Välj utvecklingsområde', tooLong: `Koden får vara högst ${PLAN_LIMITS.areaCode} tecken` })
    .text('title', given(input.title), { max: PLAN_LIMITS.title, empty: 'Ange en rubrik för insatsen', tooLong: `Rubriken får vara högst ${PLAN_LIMITS.title} tecken` })
    .text('description', given(input.description), { max: PLAN_LIMITS.description, empty: 'Beskriv insatsen', tooLong: `Beskrivningen får vara högst ${formatCount(PLAN_LIMITS.description)} tecken` });
  if (input.code !== undefined && input.code !== null) {
    v.text('code', input.code, { max: PLAN_LIMITS.code, empty: 'Ange en kod eller lämna fältet tomt', tooLong: `Koden får vara högst ${PLAN_LIMITS.code} tecken` });
    v.matches('code', input.code.toUpperCase(), PLAN_ITEM_CODE_PATTERN, 'Koden skrivs som områdets förkortning och ett nummer, t.ex. LS-3');
  }
  v.text('expectedEffect', input.expectedEffect, { max: PLAN_LIMITS.expectedEffect, tooLong: `Förväntad effekt får vara högst ${formatCount(PLAN_LIMITS.expectedEffect)} tecken` });
  v.text('indicator', input.indicator, { max: PLAN_LIMITS.indicator, tooLong: `Indikatorn får vara högst ${formatCount(PLAN_LIMITS.indicator)} tecken` });
  const terms: Partial<Record<'startsOn' | 'endsOn', { from: string; to: string } | null>> = {};
  for (const field of ['startsOn', 'endsOn'] as const) {
    const value = input[field];
    if (value === undefined || value === null || value.trim() === '') continue;
    const period = value.length > PLAN_LIMITS.term ? null : termPeriod(value);
    v.when(period === null, field, 'term', TERM_MESSAGE);
    terms[field] = period;
  }
  const start = terms.startsOn !== undefined ? terms.startsOn : periodOf(input.startsOn === undefined ? options.current?.startsOn : input.startsOn);
  const end = terms.endsOn !== undefined ? terms.endsOn : periodOf(input.endsOn === undefined ? options.current?.endsOn : input.endsOn);
  if (start && end) v.when(end.to < start.from, 'endsOn', 'notBeforeStart', 'Slutet kan inte ligga före starten');
  if (input.status !== undefined) v.when(!(PLAN_ITEM_STATUSES as readonly unknown[]).includes(input.status), 'status', 'isIn', `Status är en av ${PLAN_ITEM_STATUSES.join(', ')}`);
  if (input.needIds !== undefined) {
    v.when(!Array.isArray(input.needIds), 'needIds', 'isArray', 'Ange behoven som en lista');
    v.when(Array.isArray(input.needIds) && new Set(input.needIds).size > PLAN_LIMITS.needIds, 'needIds', 'arrayMaxSize', `En insats kan svara mot högst ${PLAN_LIMITS.needIds} behov`);
  }
  return v.list;
}

function periodOf(value: string | null | undefined): { from: string; to: string } | null {
  return value ? termPeriod(value) : null;
}

/** A whole item as created (area, title and description required). */
export function createPlanItemViolations(input: Partial<CreatePlanItemInput>): FieldViolation[] {
  return planItemViolations(input, { complete: true });
}

/** Roles whose entry must say what is expected. */
const EXPECTATIONS_REQUIRED: ReadonlySet<ResponsibilityRole> = new Set(['responsible', 'accountable']);

/**
 * An item's whole list of responsibilities: exactly one of `departmentId` and `contactCentre` per
 * entry, one entry per organisation, a known role, expectations for R and A, effort not negative.
 * Two accountables are a conflict (PLAN_SECOND_ACCOUNTABLE), judged by the service with the item's code.
 */
export function responsibilitiesViolations(input: Partial<SetResponsibilitiesInput>): FieldViolation[] {
  const v = new Violations();
  const list = input.responsibilities;
  if (!Array.isArray(list)) return v.add('responsibilities', 'isArray', 'Ange ansvarsfördelningen som en lista').list;
  v.when(list.length > PLAN_LIMITS.responsibilities, 'responsibilities', 'arrayMaxSize', `En insats kan ha högst ${PLAN_LIMITS.responsibilities} organisationer`);
  const seen = new Set<string>();
  list.forEach((r, i) => {
    const at = `responsibilities[${i}]`;
    const hasDepartment = r.departmentId !== undefined && r.departmentId !== null;
    const isContactCentre = r.contactCentre === true;
    if (hasDepartment === isContactCentre) {
      v.add(`${at}.departmentId`, 'exactlyOneOrganisation', 'Ange antingen en förvaltning (departmentId) eller kontaktcenter (contactCentre), inte båda och inte ingen');
    } else {
      const key = isContactCentre ? 'contactCentre' : String(r.departmentId);
      v.when(seen.has(key), `${at}.${isContactCentre ? 'contactCentre' : 'departmentId'}`, 'uniqueOrganisation', `${isContactCentre ? 'Kontaktcenter' : 'Förvaltningen'} finns redan i ansvarsfördelningen för insatsen`);
      seen.add(key);
    }
    v.when(!(RESPONSIBILITY_ROLES as readonly unknown[]).includes(r.role), `${at}.role`, 'isIn', `Rollen är en av ${RESPONSIBILITY_ROLES.join(', ')}`);
    v.text(`${at}.expectations`, r.expectations ?? (EXPECTATIONS_REQUIRED.has(r.role) ? '' : undefined), {
      max: PLAN_LIMITS.expectations,
      empty: EXPECTATIONS_REQUIRED.has(r.role) ? 'Skriv vad som förväntas av organisationen och när' : undefined,
      tooLong: `Förväntningarna får vara högst ${formatCount(PLAN_LIMITS.expectations)} tecken`,
    });
    const effort = r.effortHours;
    if (effort !== undefined && effort !== null) {
      v.when(typeof effort !== 'number' || !Number.isFinite(effort) || effort < 0, `${at}.effortHours`, 'min', 'Insatsen i timmar kan inte vara negativ');
      v.when(effort > PLAN_LIMITS.effortHours, `${at}.effortHours`, 'max', `Insatsen får vara högst ${formatCount(PLAN_LIMITS.effortHours)} timmar per år`);
    }
  });
  return v.list;
}

/** The number of accountables in a list. */
export function accountableCount(list: ReadonlyArray<{ role: ResponsibilityRole }>): number {
  return list.filter((r) => r.role === 'accountable').length;
}

export const isPlanItemStatus = (value: unknown): value is PlanItemStatus => (PLAN_ITEM_STATUSES as readonly unknown[]).includes(value);
