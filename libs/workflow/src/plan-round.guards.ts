/**
 * The plan-round guards as plain functions: each returns the reasons (in Swedish, for the person
 * in front of the disabled button) why a step is NOT possible; an empty array means it is.
 * The XState guards in `plan-round.machine.ts` and `evaluate`/`availableEvents` all call these,
 * so the machine and the explanation cannot disagree. Pure: no clock (today is a fact), no I/O.
 */

/** A calendar date `YYYY-MM-DD` (compares correctly as a string). */
export type IsoDate = string;

export interface ParticipantFact {
  /** The department's (förvaltning's) name, for messages. */
  name: string;
  /** Needs submitted. */
  submitted: boolean;
  /** Reported that it has no needs this round (counts as submitted). */
  nothingToReport?: boolean;
}

export interface PlanItemFact {
  /** The item's (insats's) code within the plan, e.g. `LS-3`: messages name the item by it. */
  code: string;
  /** The item's title. */
  title: string;
  /** How many Accountable (A) assignments the item has; exactly one is required. */
  accountableCount: number;
}

export interface PlanAreaFact {
  name: string;
  items: PlanItemFact[];
}

export interface PlanVersionFact {
  frozen: boolean;
  /** The draft has changes that are not frozen in a version (the guard judges the last frozen version, and refuses while it is outdated). */
  draftChanged?: boolean;
  /** The version's number (the consultation's prepared remiss must be for this one). */
  version?: number | null;
  areas: PlanAreaFact[];
}

export const REASON_NO_PLAN_VERSION = 'Det finns ingen planversion';
export const REASON_PLAN_DRAFT_CHANGED = 'Planen har ändringar som inte är låsta i en version';
export const REASON_CONSULTATION_NOT_PREPARED = 'Remissen är inte förberedd';

/** The prepared remiss is for an older version than the last frozen one. */
export const reasonConsultationOutdated = (prepared: number, latest: number): string => `Remissen gäller version ${prepared}, men den senast låsta versionen är ${latest}`;

/**
 * What the guards need to know, loaded by the caller (a service, from the database) and passed in
 * each event. Only `today` is always required; a guard that needs a missing fact refuses with a reason.
 */
export interface PlanRoundFacts {
  /** Today in the city's zone, `YYYY-MM-DD`. */
  today: IsoDate;
  deadlines?: {
    /** Last day for departments to submit needs. */
    needs?: IsoDate | null;
    /** Last day for consultation replies. */
    consultationReply?: IsoDate | null;
    /** Planned decision date. */
    decision?: IsoDate | null;
  };
  participants?: ParticipantFact[];
  planVersion?: PlanVersionFact | null;
  consultation?: { recipients: number; responses: number } | null;
  /** The prepared remiss (null: none prepared): SEND_FOR_CONSULTATION sends it, for the last frozen version only. */
  consultationPrepared?: { planVersion: number } | null;
  /** The proposals of the current consultation responses that no strategist has triaged yet (the consultation context). */
  proposals?: { untriaged: number } | null;
}

/** `force: true` + `reason`: only on the steps where forcing makes sense. */
export interface ForceInput {
  force?: boolean;
  reason?: string;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** "1 förvaltning" / "3 förvaltningar". */
export function countNoun(n: number, singular: string, plural: string): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

export function hasText(value: unknown): value is string {
  return typeof value === 'string' && value.trim().length > 0;
}

export const REASON_FORCE_NEEDS_TEXT = 'Ett framtvingat steg kräver en skriftlig motivering';
export const REASON_FORCE_NOT_ALLOWED = 'Det här steget kan inte tas som framtvingat steg';
export const REASON_CANCEL_NEEDS_TEXT = 'Avbrott av planomgången kräver en skriftlig motivering';
export const REASON_RETURN_NEEDS_TEXT = 'Återremiss kräver en skriftlig motivering';
export const REASON_UNKNOWN_OUTCOME = 'Beslutet måste vara antaget eller återremitterat';

function todayReasons(facts: PlanRoundFacts): string[] {
  return isIsoDate(facts?.today) ? [] : ['Dagens datum saknas eller är ogiltigt'];
}

/** LAUNCH: at least one participant; needs deadline after today; later deadlines after it, in order. */
export function reasonsToLaunch(facts: PlanRoundFacts): string[] {
  const reasons = todayReasons(facts);
  if (!facts?.participants || facts.participants.length === 0) {
    reasons.push('Planomgången saknar deltagande förvaltningar');
  }
  const { needs, consultationReply, decision } = facts?.deadlines ?? {};
  if (needs == null) {
    reasons.push('Sista dag för behov saknas');
  } else if (!isIsoDate(needs)) {
    reasons.push('Sista dag för behov är inte ett giltigt datum');
  } else if (isIsoDate(facts.today) && needs <= facts.today) {
    reasons.push('Sista dag för behov måste ligga efter i dag');
  }
  let previous: { date: IsoDate; label: string } | null = isIsoDate(needs) ? { date: needs, label: 'sista dag för behov' } : null;
  if (consultationReply != null) {
    if (!isIsoDate(consultationReply)) {
      reasons.push('Sista dag för remissvar är inte ett giltigt datum');
    } else {
      if (previous && consultationReply <= previous.date) {
        reasons.push(`Sista dag för remissvar måste ligga efter ${previous.label}`);
      }
      previous = { date: consultationReply, label: 'sista dag för remissvar' };
    }
  }
  if (decision != null) {
    if (!isIsoDate(decision)) {
      reasons.push('Beslutsdatum är inte ett giltigt datum');
    } else if (previous && decision <= previous.date) {
      reasons.push(`Beslutsdatum måste ligga efter ${previous.label}`);
    }
  }
  return reasons;
}

/** The reasons of a forced step: a forced step always carries a non-empty written reason. */
export function reasonsToForce(input: ForceInput): string[] {
  return hasText(input.reason) ? [] : [REASON_FORCE_NEEDS_TEXT];
}

/** CLOSE_NEEDS without force: everyone submitted (or nothing to report), or the needs deadline has passed. */
export function reasonsToCloseNeeds(facts: PlanRoundFacts): string[] {
  const reasons = todayReasons(facts);
  if (reasons.length > 0) return reasons;
  const needs = facts.deadlines?.needs;
  if (isIsoDate(needs) && facts.today > needs) return [];
  const missing = (facts.participants ?? []).filter((p) => !p.submitted && !p.nothingToReport).length;
  if (missing > 0) {
    reasons.push(`${countNoun(missing, 'förvaltning', 'förvaltningar')} har inte lämnat in behov`);
  }
  return reasons;
}

/** SEND_FOR_CONSULTATION: a frozen plan version with no unfrozen changes since, every area has an item, every item exactly one Accountable, and the remiss prepared for that version. */
export function reasonsToSendForConsultation(facts: PlanRoundFacts): string[] {
  const version = facts?.planVersion;
  if (!version) return [REASON_NO_PLAN_VERSION];
  const reasons: string[] = [];
  if (!version.frozen) reasons.push('Planversionen är inte låst');
  if (version.draftChanged) reasons.push(REASON_PLAN_DRAFT_CHANGED);
  if (version.areas.length === 0) reasons.push('Planversionen saknar områden');
  for (const area of version.areas) {
    if (area.items.length === 0) reasons.push(`Området ${area.name} saknar insats`);
    for (const item of area.items) {
      if (item.accountableCount === 0) {
        reasons.push(`Insatsen ${item.code} saknar ansvarig (A)`);
      } else if (item.accountableCount > 1) {
        reasons.push(`Insatsen ${item.code} har ${item.accountableCount} ansvariga (A), ska ha exakt en`);
      }
    }
  }
  const prepared = facts.consultationPrepared;
  if (!prepared) reasons.push(REASON_CONSULTATION_NOT_PREPARED);
  else if (version.version != null && prepared.planVersion !== version.version) reasons.push(reasonConsultationOutdated(prepared.planVersion, version.version));
  return reasons;
}

/** CLOSE_CONSULTATION without force: all responses in, or the reply date has passed. */
export function reasonsToCloseConsultation(facts: PlanRoundFacts): string[] {
  const reasons = todayReasons(facts);
  if (reasons.length > 0) return reasons;
  const reply = facts.deadlines?.consultationReply;
  if (isIsoDate(reply) && facts.today > reply) return [];
  const consultation = facts.consultation;
  if (!consultation) return ['Uppgifter om remissvar saknas'];
  const missing = consultation.recipients - consultation.responses;
  if (missing > 0) {
    reasons.push(`${countNoun(missing, 'remissinstans', 'remissinstanser')} har inte svarat`);
  }
  return reasons;
}

/** SUBMIT_FOR_DECISION without force: every proposal of a current response is triaged. */
export function reasonsToSubmitForDecision(facts: PlanRoundFacts): string[] {
  const proposals = facts?.proposals;
  if (!proposals) return ['Uppgifter om remissvarens förslag saknas'];
  if (proposals.untriaged > 0) {
    return [`${proposals.untriaged} förslag är inte ${proposals.untriaged === 1 ? 'behandlat' : 'behandlade'}`];
  }
  return [];
}

/** RECORD_DECISION: adopted, or returned with a written reason. */
export function reasonsToRecordDecision(input: { outcome?: unknown; reason?: string }): string[] {
  if (input.outcome === 'adopted') return [];
  if (input.outcome === 'returned') return hasText(input.reason) ? [] : [REASON_RETURN_NEEDS_TEXT];
  return [REASON_UNKNOWN_OUTCOME];
}

/** CANCEL: a written reason. */
export function reasonsToCancel(input: { reason?: string }): string[] {
  return hasText(input.reason) ? [] : [REASON_CANCEL_NEEDS_TEXT];
}
