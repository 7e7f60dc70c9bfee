import { HOURS_PER_FTE, PLAN_ITEM_STATUS_LABELS, PlanItemStatus } from '@samverka/plan';
import { tag, TagView } from '../../shell/format';
import { roundPath } from '../../rounds/pages/round-format';

/** The plan's pages, under the round: /planomgangar/:id/plan/… */
export const planPath = (roundId: string): string => `${roundPath(roundId)}/plan`;
export const planTextsPath = (roundId: string): string => `${planPath(roundId)}/texter`;
export const planStartPath = (roundId: string): string => `${planPath(roundId)}/starta`;
export const planItemNewPath = (roundId: string, areaCode?: string): string =>
  `${planPath(roundId)}/insatser/ny${areaCode ? `?omrade=${encodeURIComponent(areaCode)}` : ''}`;
export const planItemsPath = (roundId: string): string => `${planPath(roundId)}/insatser`;
export const planItemPath = (roundId: string, itemId: string): string => `${planItemsPath(roundId)}/${itemId}`;
export const planItemDeletePath = (roundId: string, itemId: string): string => `${planItemPath(roundId, itemId)}/ta-bort`;
export const planItemResponsibilitiesPath = (roundId: string, itemId: string): string => `${planItemPath(roundId, itemId)}/ansvar`;
export const planFreezePath = (roundId: string): string => `${planPath(roundId)}/las`;
export const planVersionsPath = (roundId: string): string => `${planPath(roundId)}/versioner`;
export const planVersionPath = (roundId: string, version: number): string => `${planVersionsPath(roundId)}/${version}`;
export const planDiffPath = (roundId: string, a: number, b: number): string => `${planVersionPath(roundId, a)}/jamfor/${b}`;
/** The needs coverage page (another part of the plan builds it): the needs without an answer. */
export const planNeedsPath = (roundId: string): string => `${planPath(roundId)}/behov`;
/** The strategists' page of the departments' questions (another part of the plan builds it). */
export const planQuestionsPath = (roundId: string): string => `${planPath(roundId)}/fragor`;
/** The responsibility matrix (another part of the plan builds it). */
export const allocationPath = (roundId: string): string => `${roundPath(roundId)}/ansvarsfordelning`;
/** A version as a printable page, and as a Word document (another part of the plan builds them). */
export const planVersionPrintPath = (roundId: string, version: number): string => `${planVersionPath(roundId, version)}/utskrift`;
export const planVersionDocxPath = (roundId: string, version: number): string => `/api/v1/rounds/${roundId}/plan/versions/${version}/document.docx`;

/** An item's place on the plan page: #insats-LS-3. */
export const itemAnchor = (code: string): string => `insats-${code}`;

const NUMBER = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 1 });
const FTE = new Intl.NumberFormat('sv-SE', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** Effort as hours per year and full-time equivalents: "340 h/år (0,20 åa)"; null when not estimated. */
export function effortText(hours: number | null): string | null {
  if (hours === null) return null;
  return `${NUMBER.format(hours)} h/år (${FTE.format(hours / HOURS_PER_FTE)} åa)`;
}

/** When an item runs: "2027-03-01 – 2027 T2", "från 2027 T1", "till 2027", or null. */
export function itemPeriod(startsOn: string | null, endsOn: string | null): string | null {
  if (startsOn && endsOn) return `${startsOn} – ${endsOn}`;
  if (startsOn) return `Från ${startsOn}`;
  if (endsOn) return `Till ${endsOn}`;
  return null;
}

const STATUS_COLOURS: Record<PlanItemStatus, Parameters<typeof tag>[1]> = { planned: 'blue', ongoing: 'turquoise', completed: 'green', cancelled: 'grey' };

/** An item's status as a tag: "Planerad". */
export const itemStatusTag = (status: PlanItemStatus): TagView => tag(PLAN_ITEM_STATUS_LABELS[status], STATUS_COLOURS[status]);

/** A text as paragraphs (blank lines separate them); nothing for an empty text. */
export const paragraphs = (text: string | null): string[] =>
  (text ?? '')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
