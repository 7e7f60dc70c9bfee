import type { PlanItemDiffField } from './diff/plan-diff';
import type { PlanItemStatus, ResponsibilityRole } from './plan.model';

/** The Swedish labels of the plan's enums, written once: pages, emails, exports and documents import them. */
export const RESPONSIBILITY_ROLE_LABELS: Readonly<Record<ResponsibilityRole, string>> = {
  responsible: 'Utför (R)',
  accountable: 'Ansvarig (A)',
  consulted: 'Rådfrågas (C)',
  informed: 'Informeras (I)',
};

/** The one-letter RACI marks for the matrix. */
export const RESPONSIBILITY_ROLE_LETTERS: Readonly<Record<ResponsibilityRole, string>> = {
  responsible: 'R',
  accountable: 'A',
  consulted: 'C',
  informed: 'I',
};

export const PLAN_ITEM_STATUS_LABELS: Readonly<Record<PlanItemStatus, string>> = {
  planned: 'Planerad',
  ongoing: 'Pågående',
  completed: 'Genomförd',
  cancelled: 'Avbruten',
};

export const PLAN_TEXT_LABELS = {
  introduction: 'Inledning',
  contactCentreMandate: 'Kontaktcenters uppdrag och mandat',
  departmentResponsibility: 'Förvaltningarnas ansvar för de egna myndighetsprocesserna',
} as const;

/** An item's fields by name, as the diff page and the summary emails say what changed. */
export const PLAN_ITEM_FIELD_LABELS: Readonly<Record<PlanItemDiffField, string>> = {
  code: 'Kod',
  areaCode: 'Utvecklingsområde',
  title: 'Rubrik',
  description: 'Beskrivning',
  expectedEffect: 'Förväntad effekt',
  indicator: 'Indikator',
  startsOn: 'Start',
  endsOn: 'Slut',
  status: 'Status',
};
