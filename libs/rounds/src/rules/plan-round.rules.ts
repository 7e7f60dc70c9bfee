/**
 * The input rules of plan rounds, in one place: what a command must hold before anything is read
 * or written. Pure functions; each reports EVERY broken rule at once as `{ field, rule, message }`
 * (Swedish, for the person who typed it). The REST DTOs check only the JSON types, the web forms
 * only map their fields to a command and these violations back to their fields.
 *
 * Not here: what depends on the database (the departments exist and are active, one active round
 * a year: the command service), and what depends on the round's state and facts (the machine's
 * guards, e.g. LAUNCH's deadlines and participants). The database's checks are the last defence.
 */
import { CommonError, FieldViolation, isLocalDate, LocalDate, SANE_DATES } from '@samverka/kernel';
import { DecisionOutcome, FORCIBLE_EVENTS, hasText, PLAN_ROUND_EVENT_LABELS } from '@samverka/workflow';
import { isUUID } from 'class-validator';
import { AreaInput, CreatePlanRoundInput, RoundDeadlines, RoundEventInput, STEERING_EVENT_TYPES, SteeringEventType, UpdatePlanRoundInput } from '../plan-round.model';

/** The limits of a round's fields (the REST DTOs show them in the OpenAPI document). */
export const ROUND_LIMITS = {
  title: 300,
  caseNumber: 60,
  areaName: 200,
  reason: 4000,
  decisionBody: 200,
  minuteReference: 60,
  areas: 30,
  participants: 1000,
  year: { min: 2000, max: 2100 },
} as const;

/** An area's code: capitals (Swedish too), digits and underscores, 2–40 characters. */
export const AREA_CODE_PATTERN = /^[A-ZÅÄÖ0-9_]{2,40}$/;

export const DECISION_OUTCOMES: readonly DecisionOutcome[] = ['adopted', 'returned'];

/** How the rules name each date (the needs and reply dates as the page labels them). */
const DATE_LABELS = { needs: 'Sista dag för behov', consultationReply: 'Sista dag för remissvar', decision: 'Datum för planerat beslut' } as const;

type Violations = FieldViolation[];

const violation = (field: string, rule: string, message: string): FieldViolation => ({ field, rule, message });

/** Throws VALIDATION_FAILED with every violation, when there is any. */
export function assertNoViolations(violations: readonly FieldViolation[]): void {
  if (violations.length > 0) throw CommonError.invalid(violations);
}

/** A text as it is stored: trimmed ('' when not a string). */
export const trimmed = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

/** Areas as they are stored and judged: codes trimmed in capitals, names trimmed. */
export function normaliseAreas(areas: readonly AreaInput[]): AreaInput[] {
  return areas.map((a) => ({ code: trimmed(a?.code).toUpperCase(), name: trimmed(a?.name) }));
}

function requiredText(field: string, value: unknown, max: number, messages: { missing: string; tooLong: string }): Violations {
  const text = trimmed(value);
  if (text === '') return [violation(field, 'isNotEmpty', messages.missing)];
  return text.length > max ? [violation(field, 'maxLength', messages.tooLong)] : [];
}

const titleViolations = (title: unknown): Violations =>
  requiredText('title', title, ROUND_LIMITS.title, { missing: 'Ange en titel', tooLong: `Titeln får vara högst ${ROUND_LIMITS.title} tecken` });

const caseNumberViolations = (caseNumber: unknown): Violations =>
  requiredText('caseNumber', caseNumber, ROUND_LIMITS.caseNumber, {
    missing: 'Ange diarienummer',
    tooLong: `Diarienumret får vara högst ${ROUND_LIMITS.caseNumber} tecken`,
  });

function yearViolations(year: unknown): Violations {
  const { min, max } = ROUND_LIMITS.year;
  const message = `Året måste vara ett årtal mellan ${min} och ${max}, till exempel 2027`;
  if (typeof year !== 'number' || !Number.isInteger(year)) return [violation('year', 'isInt', message)];
  if (year < min) return [violation('year', 'min', message)];
  return year > max ? [violation('year', 'max', message)] : [];
}

function participantViolations(ids: unknown): Violations {
  const field = 'participantDepartmentIds';
  if (!Array.isArray(ids) || ids.length === 0) return [violation(field, 'arrayNotEmpty', 'Välj minst en deltagande förvaltning')];
  const found: Violations = [];
  if (ids.length > ROUND_LIMITS.participants) found.push(violation(field, 'arrayMaxSize', `Högst ${ROUND_LIMITS.participants} förvaltningar kan delta`));
  if (ids.some((id) => typeof id !== 'string' || !isUUID(id))) found.push(violation(field, 'isUuid', 'Välj förvaltningarna bland de som finns (ange deras id)'));
  return found;
}

/** Areas are reported by their place in the list: `areas[1].code`. */
function areaViolations(areas: unknown): Violations {
  if (!Array.isArray(areas) || areas.length === 0) return [violation('areas', 'arrayNotEmpty', 'Planomgången behöver minst ett utvecklingsområde')];
  const found: Violations = [];
  if (areas.length > ROUND_LIMITS.areas) found.push(violation('areas', 'arrayMaxSize', `Planomgången kan ha högst ${ROUND_LIMITS.areas} utvecklingsområden`));
  const seen = new Set<string>();
  normaliseAreas(areas as AreaInput[]).forEach(({ code, name }, i) => {
    if (code === '') found.push(violation(`areas[${i}].code`, 'isNotEmpty', 'Ange en kod för området'));
    else if (!AREA_CODE_PATTERN.test(code)) found.push(violation(`areas[${i}].code`, 'matches', 'Koden får bara innehålla versaler, siffror och understreck (2–40 tecken)'));
    else if (seen.has(code)) found.push(violation(`areas[${i}].code`, 'unique', `Koden ${code} förekommer två gånger`));
    seen.add(code);
    if (name === '') found.push(violation(`areas[${i}].name`, 'isNotEmpty', 'Ange områdets namn'));
    else if (name.length > ROUND_LIMITS.areaName) found.push(violation(`areas[${i}].name`, 'maxLength', `Namnet får vara högst ${ROUND_LIMITS.areaName} tecken`));
  });
  return found;
}

/** A date that is given must be a real one; `needs` must be given. */
function dateViolations(kind: keyof typeof DATE_LABELS, value: unknown, required: boolean): Violations {
  const field = `deadlines.${kind}`;
  if (value === undefined || value === null || value === '') {
    return required ? [violation(field, 'isNotEmpty', `Ange ${DATE_LABELS[kind].toLowerCase()}`)] : [];
  }
  if (isLocalDate(value) && (value < SANE_DATES.from || value > SANE_DATES.to)) {
    return [violation(field, 'dateRange', `${DATE_LABELS[kind]} måste ligga mellan ${SANE_DATES.from} och ${SANE_DATES.to}`)];
  }
  return isLocalDate(value) ? [] : [violation(field, 'isLocalDate', `${DATE_LABELS[kind]} måste vara ett riktigt datum skrivet ÅÅÅÅ-MM-DD, till exempel 2026-03-01`)];
}

/**
 * The dates in order: the reply date after the needs deadline, the decision after the reply date
 * (or, without one, after the needs deadline). A date that is not a real date is judged by `dateViolations` alone.
 */
export function deadlineOrderViolations(d: { needs?: unknown; consultationReply?: unknown; decision?: unknown }): Violations {
  const found: Violations = [];
  const needs = isLocalDate(d.needs) ? d.needs : null;
  const reply = isLocalDate(d.consultationReply) ? d.consultationReply : null;
  if (needs && reply && reply <= needs) {
    found.push(violation('deadlines.consultationReply', 'afterNeeds', `${DATE_LABELS.consultationReply} måste ligga efter ${DATE_LABELS.needs.toLowerCase()}`));
  }
  const before = reply ? { date: reply, rule: 'afterConsultationReply', text: DATE_LABELS.consultationReply.toLowerCase() } : needs ? { date: needs, rule: 'afterNeeds', text: DATE_LABELS.needs.toLowerCase() } : null;
  if (before && isLocalDate(d.decision) && d.decision <= before.date) {
    found.push(violation('deadlines.decision', before.rule, `${DATE_LABELS.decision} måste ligga efter ${before.text}`));
  }
  return found;
}

function deadlineViolations(d: { needs?: unknown; consultationReply?: unknown; decision?: unknown }, needsRequired: boolean): Violations {
  return [
    ...dateViolations('needs', d.needs, needsRequired),
    ...dateViolations('consultationReply', d.consultationReply, false),
    ...dateViolations('decision', d.decision, false),
    ...deadlineOrderViolations(d),
  ];
}

/** The earlier round to start from, when given: an id. */
export function fromRoundViolations(fromRoundId: unknown): Violations {
  if (fromRoundId === undefined || fromRoundId === null) return [];
  return typeof fromRoundId === 'string' && isUUID(fromRoundId) ? [] : [violation('fromRoundId', 'isUuid', 'Välj den tidigare planomgången bland de som finns (ange dess id)')];
}

/** A new round: every field's own rules, the dates in order, and the needs deadline after today. */
export function createRoundViolations(input: CreatePlanRoundInput, today: LocalDate): FieldViolation[] {
  const deadlines = input.deadlines ?? ({} as CreatePlanRoundInput['deadlines']);
  const found = [
    ...titleViolations(input.title),
    ...yearViolations(input.year),
    ...caseNumberViolations(input.caseNumber),
    ...deadlineViolations(deadlines, true),
    ...(input.participantDepartmentIds === undefined ? [] : participantViolations(input.participantDepartmentIds)),
    ...(input.areas === undefined ? [] : areaViolations(input.areas)),
    ...fromRoundViolations(input.fromRoundId),
  ];
  if (isLocalDate(deadlines.needs) && deadlines.needs <= today) {
    found.push(violation('deadlines.needs', 'afterToday', `${DATE_LABELS.needs} måste ligga efter i dag`));
  }
  return found;
}

/** The dates a change leaves the round with: what it sets (null removes a later date), the rest as stored. */
export function datesAfterChange(stored: RoundDeadlines, change: UpdatePlanRoundInput['deadlines']): RoundDeadlines {
  return {
    needs: change?.needs ?? stored.needs,
    consultationReply: change?.consultationReply === undefined ? stored.consultationReply : change.consultationReply,
    decision: change?.decision === undefined ? stored.decision : change.decision,
  };
}

/**
 * A change to a round: the rules of each field it sets, and the dates it leaves the round with in order.
 * As at creation, a needs deadline is moved to today or earlier only on purpose (e.g. to close collection
 * early or to let the escalation run): the change must say `confirmPastDeadline: true`.
 */
export function updateRoundViolations(input: UpdatePlanRoundInput, stored: RoundDeadlines, today: LocalDate): FieldViolation[] {
  const change = input.deadlines ?? {};
  const movedIntoPast = isLocalDate(change.needs) && change.needs !== stored.needs && change.needs <= today;
  return [
    ...(input.title === undefined ? [] : titleViolations(input.title)),
    ...(input.caseNumber === undefined ? [] : caseNumberViolations(input.caseNumber)),
    ...(input.participantDepartmentIds === undefined ? [] : participantViolations(input.participantDepartmentIds)),
    ...(input.areas === undefined ? [] : areaViolations(input.areas)),
    // The needs deadline can move but not go: given at all (even empty), it must be a date.
    ...dateViolations('needs', change.needs, 'needs' in change),
    ...dateViolations('consultationReply', change.consultationReply, false),
    ...dateViolations('decision', change.decision, false),
    ...deadlineOrderViolations(datesAfterChange(stored, change)),
    ...(movedIntoPast && input.confirmPastDeadline !== true
      ? [violation('confirmPastDeadline', 'confirmPastDeadline', `${DATE_LABELS.needs} flyttas till i dag eller tidigare: bekräfta det med confirmPastDeadline: true`)]
      : []),
  ];
}

export const isSteeringEventType = (value: unknown): value is SteeringEventType => (STEERING_EVENT_TYPES as readonly unknown[]).includes(value);

/** The decision's own fields: the meeting's date (a real date, not after today), who decided and the §. */
function decisionFieldViolations(input: RoundEventInput, today: LocalDate | undefined): Violations {
  const found: Violations = [];
  const decidedOn: unknown = input.decidedOn;
  if (decidedOn === undefined || decidedOn === null || decidedOn === '') found.push(violation('decidedOn', 'isNotEmpty', 'Ange beslutsdatum'));
  else if (!isLocalDate(decidedOn)) found.push(violation('decidedOn', 'isLocalDate', 'Beslutsdatum måste vara ett riktigt datum skrivet ÅÅÅÅ-MM-DD, till exempel 2025-05-07'));
  else if (decidedOn < SANE_DATES.from || decidedOn > SANE_DATES.to) found.push(violation('decidedOn', 'dateRange', `Beslutsdatum måste ligga mellan ${SANE_DATES.from} och ${SANE_DATES.to}`));
  else if (today !== undefined && decidedOn > today) found.push(violation('decidedOn', 'notInFuture', 'Beslutsdatum kan inte ligga i framtiden: registrera beslutet när det är fattat'));
  found.push(
    ...requiredText('body', input.body, ROUND_LIMITS.decisionBody, {
      missing: 'Ange vem som fattade beslutet, till exempel Kommunstyrelsen',
      tooLong: `Beslutande organ får vara högst ${ROUND_LIMITS.decisionBody} tecken`,
    }),
    ...requiredText('minuteReference', input.minuteReference, ROUND_LIMITS.minuteReference, {
      missing: 'Ange paragrafen i protokollet (§)',
      tooLong: `Paragrafen får vara högst ${ROUND_LIMITS.minuteReference} tecken`,
    }),
  );
  return found;
}

/** The steps that can be forced, named as the pages name them ("Stäng behovsinsamlingen, Stäng remissen och Lämna till beslut"). */
const FORCIBLE_STEPS_TEXT = ((labels: string[]) => (labels.length > 1 ? `${labels.slice(0, -1).join(', ')} och ${labels[labels.length - 1]}` : labels.join('')))(
  FORCIBLE_EVENTS.map((type) => PLAN_ROUND_EVENT_LABELS[type]),
);

const DECISION_FIELDS = ['decidedOn', 'body', 'minuteReference'] as const;

/**
 * What a person must supply with a step: a known step, force only where it can be forced, the reasons the step needs, a decision's
 * outcome, date (not after `today`, when given), body and minute reference.
 */
export function roundEventViolations(input: RoundEventInput, today?: LocalDate): FieldViolation[] {
  const type: unknown = input.type;
  if (!isSteeringEventType(type)) return [violation('type', 'isIn', `Steget finns inte: ange ett av ${STEERING_EVENT_TYPES.join(', ')}`)];
  const found: Violations = [];
  const forced = input.force === true;
  const forcible = FORCIBLE_EVENTS.includes(type);
  const reasonGiven = hasText(input.reason);
  if (forced && !forcible) found.push(violation('force', 'forcibleEvent', `${PLAN_ROUND_EVENT_LABELS[type]} kan inte tas som framtvingat steg: bara ${FORCIBLE_STEPS_TEXT} kan tas ändå`));
  if (trimmed(input.reason).length > ROUND_LIMITS.reason) found.push(violation('reason', 'maxLength', `Motiveringen får vara högst ${ROUND_LIMITS.reason} tecken`));
  if (forced && forcible && !reasonGiven) found.push(violation('reason', 'requiredWhenForced', 'Skriv en motivering till varför du stänger ändå'));
  if (type === 'CANCEL' && !reasonGiven) found.push(violation('reason', 'requiredToCancel', 'Skriv varför planomgången avbryts'));
  if (type === 'RECORD_DECISION') {
    if (!DECISION_OUTCOMES.includes(input.outcome as DecisionOutcome)) found.push(violation('outcome', 'isIn', 'Välj om planen antogs (adopted) eller återremitterades (returned)'));
    else if (input.outcome === 'returned' && !reasonGiven) found.push(violation('reason', 'requiredWhenReturned', 'Skriv varför planen återremitterades'));
    found.push(...decisionFieldViolations(input, today));
  } else {
    if (input.outcome !== undefined) found.push(violation('outcome', 'onlyForRecordDecision', 'Ett beslut (outcome) hör bara till steget Registrera beslutet'));
    for (const field of DECISION_FIELDS) {
      if (input[field] !== undefined) found.push(violation(field, 'onlyForRecordDecision', 'Beslutsdatum, beslutande organ och paragraf hör bara till steget Registrera beslutet'));
    }
  }
  return found;
}
