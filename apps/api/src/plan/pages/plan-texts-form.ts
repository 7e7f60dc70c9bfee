import { PlanDocument, PlanErrorCode, UpdatePlanTextsInput } from '@samverka/plan';
import { FormErrorMap } from '../../shell/form-action';
import { formField, formFields } from '../../shell/form-body';

/** The texts form as typed: the three plan texts, and each area's introduction in the round's order. */
export interface PlanTextsFormValues {
  introduction: string;
  contactCentreMandate: string;
  departmentResponsibility: string;
  areas: Array<{ code: string; introduction: string }>;
}

/** The field id of an area's introduction. */
export const areaIntroductionId = (areaCode: string): string => `areaIntroduction-${areaCode}`;

/** Browsers send a textarea's line breaks as CRLF. */
const text = (value: string): string => value.replace(/\r\n?/g, '\n').trim();

export function planTextsFormValues(doc: PlanDocument): PlanTextsFormValues {
  return {
    introduction: doc.texts.introduction,
    contactCentreMandate: doc.texts.contactCentreMandate,
    departmentResponsibility: doc.texts.departmentResponsibility,
    areas: doc.areas.map((a) => ({ code: a.code, introduction: a.introduction })),
  };
}

/**
 * Reads only the form's own fields: the three texts, and the areas' introductions, posted as the
 * repeated pair `areaCode[]` (hidden) and `areaIntroduction[]` in the same order. Only the round's
 * areas are read (`areaCodes`), each once.
 */
export function readPlanTextsForm(body: unknown, areaCodes: readonly string[]): PlanTextsFormValues {
  const codes = formFields(body, 'areaCode[]');
  const introductions = formFields(body, 'areaIntroduction[]');
  const posted = new Map<string, string>();
  codes.forEach((code, i) => {
    if (areaCodes.includes(code) && !posted.has(code)) posted.set(code, text(introductions[i] ?? ''));
  });
  return {
    introduction: text(formField(body, 'introduction')),
    contactCentreMandate: text(formField(body, 'contactCentreMandate')),
    departmentResponsibility: text(formField(body, 'departmentResponsibility')),
    areas: areaCodes.filter((c) => posted.has(c)).map((code) => ({ code, introduction: posted.get(code)! })),
  };
}

export function toUpdatePlanTexts(v: PlanTextsFormValues): UpdatePlanTextsInput {
  return {
    introduction: v.introduction,
    contactCentreMandate: v.contactCentreMandate,
    departmentResponsibility: v.departmentResponsibility,
    areaIntroductions: v.areas.map((a) => ({ areaCode: a.code, introduction: a.introduction })),
  };
}

/** How the form explains the service's refusals: each text at its field (an area's by its place in the list), the round's phase in the summary. */
export function planTextsFormErrors(values: PlanTextsFormValues): FormErrorMap {
  return {
    fieldIdFor: (path) => {
      if (['introduction', 'contactCentreMandate', 'departmentResponsibility'].includes(path)) return path;
      const area = /^areaIntroductions\[(\d+)\]/.exec(path);
      const code = area ? values.areas[Number(area[1])]?.code : undefined;
      return code ? areaIntroductionId(code) : undefined;
    },
    multiLine: PLAN_TEXTS_MULTI_LINE,
    refusals: { [PlanErrorCode.PLAN_NOT_EDITABLE]: null },
  };
}

export const PLAN_TEXTS_MULTI_LINE = ['introduction', 'contactCentreMandate', 'departmentResponsibility', 'areaIntroduction[]'] as const;
