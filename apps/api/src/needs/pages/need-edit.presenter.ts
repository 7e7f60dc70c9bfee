import { LocalDate } from '@samverka/kernel';
import { NeedEntity } from '@samverka/needs';
import { RoundBasics } from '@samverka/rounds';
import { FieldErrors } from '../../shell/form-body';
import { NeedFormValues, needFormValues } from './need-form';
import { PageModel } from '../../shell/view-renderer';
import { ErrorSummaryItem } from '../../shell/format';
import { needFormChoices, needFormErrorSummary, needFormView, NeedFormView } from './need-form.presenter';
import { genitive, needAnchor, needCard, NeedCardView, needDeletePath, needEditPath, needsPath, ReferenceData } from './needs-format';

/** What the edit and remove pages show, loaded by the controller. */
export interface NeedPageData {
  round: RoundBasics;
  departmentName: string;
  need: NeedEntity;
  reference: ReferenceData;
  today: LocalDate;
}

export const NEED_FORM_SECTION = 'behovet';

export interface NeedEditPageModel extends PageModel {
  backHref: string;
  caption: string;
  errorSummary: ErrorSummaryItem[];
  form: NeedFormView;
}

/** What the edit and remove pages share: their title, the way back to the need on the needs page, and the error summary. */
function needPageHead(data: NeedPageData, title: string, errorSummary: ErrorSummaryItem[]) {
  const back = `${needsPath(data.round.id, data.need.departmentId)}#${needAnchor(data.need.id)}`;
  const caption = `${genitive(data.departmentName)} behov – ${data.round.title}`;
  return { title, section: 'rounds' as const, hasErrors: errorSummary.length > 0, backHref: back, caption, errorSummary };
}

/** "Ändra behovet": the form with the need as saved, or again with what was typed and what is wrong with it. */
export function buildNeedEditPage(data: NeedPageData, failure?: { values: NeedFormValues; errors: FieldErrors; general: string[] }): NeedEditPageModel {
  const { round, need } = data;
  const head = needPageHead(data, 'Ändra behovet', failure ? needFormErrorSummary(failure.errors, failure.general, `#${NEED_FORM_SECTION}`) : []);
  return {
    ...head,
    form: needFormView(
      { action: needEditPath(round.id, need.departmentId, need.id), submitLabel: 'Spara ändringarna', cancelHref: head.backHref },
      failure?.values ?? needFormValues(need),
      failure?.errors ?? {},
      needFormChoices(round.areas, data.reference),
      data.today,
    ),
  };
}

export interface NeedDeletePageModel extends PageModel {
  backHref: string;
  caption: string;
  errorSummary: ErrorSummaryItem[];
  need: NeedCardView;
  action: string;
}

/** "Ta bort behovet": the need, and a form to confirm (no JavaScript: a page of its own rather than a dialog). */
export function buildNeedDeletePage(data: NeedPageData, general: string[] = []): NeedDeletePageModel {
  const { round, need } = data;
  return {
    ...needPageHead(data, 'Ta bort behovet', general.map((text) => ({ text, href: `#${NEED_FORM_SECTION}` }))),
    need: needCard(need, round.areas, data.reference, false),
    action: needDeletePath(round.id, need.departmentId, need.id),
  };
}
