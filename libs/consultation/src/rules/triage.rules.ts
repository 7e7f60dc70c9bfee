import { FieldViolation, Violations } from '@samverka/kernel';
import { TRIAGE_DECISIONS, TriageDecision, TriageInput } from '../consultation.model';

export const TRIAGE_LIMITS = { motivation: 4000, itemCodes: 50 } as const;

/** A motivation this long explains an accepted proposal without naming the items it changed. */
export const EXPLAINS_WITHOUT_ITEMS = 40;

/**
 * Every violation of a triage (unchecked input): a known decision, a motivation, item codes as a list of
 * codes (checked against the plan by the service); an accepted or partly accepted proposal names the
 * items it changed, unless its motivation explains why none changed.
 */
export function triageViolations(input: Partial<TriageInput> | null | undefined): FieldViolation[] {
  const v = new Violations();
  const decision = input?.decision;
  v.when(!TRIAGE_DECISIONS.includes(decision as TriageDecision), 'decision', 'isIn', 'Välj ett beslut: tillgodoses, tillgodoses delvis, tillgodoses inte eller noteras');
  const motivation = typeof input?.motivation === 'string' ? input.motivation : null;
  v.text('motivation', motivation, { max: TRIAGE_LIMITS.motivation, empty: 'Skriv en motivering till beslutet', tooLong: `Motiveringen får vara högst ${TRIAGE_LIMITS.motivation} tecken` });
  const codes = input?.itemCodes;
  if (codes !== undefined && codes !== null) {
    if (!Array.isArray(codes) || codes.some((c) => typeof c !== 'string' || c.trim() === '')) v.add('itemCodes', 'isArray', 'Insatserna ska anges som en lista med insatskoder');
    else if (codes.length > TRIAGE_LIMITS.itemCodes) v.add('itemCodes', 'maxSize', `Högst ${TRIAGE_LIMITS.itemCodes} insatser`);
  }
  const accepted = decision === 'accepted' || decision === 'partly_accepted';
  const named = Array.isArray(codes) && codes.length > 0;
  const explained = (motivation ?? '').trim().length >= EXPLAINS_WITHOUT_ITEMS;
  if (accepted && !named && !explained && !v.has('motivation')) {
    v.add('itemCodes', 'requiredWhenAccepted', 'Ange vilka insatser i planen förslaget ändrade, eller förklara i motiveringen varför ingen insats ändrades');
  }
  return v.list;
}

/** Item codes as they are stored: trimmed, each once, in the order given. */
export function normaliseItemCodes(codes: readonly string[] | null | undefined): string[] {
  return [...new Set((codes ?? []).map((c) => c.trim()))];
}
