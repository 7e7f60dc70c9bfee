import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NEED_FORM_ERRORS } from './needs/pages/need-form';
import { SUBMISSION_STEP_FIELD, SUBMISSION_STEP_FORM_ERRORS } from './needs/pages/submission-step-form';
import { APPOINT_FORM_ERRORS } from './organisation/pages/appoint-form';
import { END_FORM_ERRORS } from './organisation/pages/end-form';
import { STEP_FORM_ERRORS } from './rounds/pages/step-form';
import { PLAN_ITEM_FORM_ERRORS } from './plan/pages/plan-item-form';
import { PLAN_RESPONSIBILITIES_FORM_ERRORS } from './plan/pages/plan-responsibilities-form';
import { PLAN_TEXTS_MULTI_LINE } from './plan/pages/plan-texts-form';
import { ANSWER_FORM_ERRORS, ASK_FORM_ERRORS, DEFERRAL_FORM_ERRORS } from './plan/pages/plan-questions-forms';
import { DECIDE_FORM_ERRORS, EXTENSION_REQUEST_FORM_ERRORS, prepareFormErrors, QUESTION_ROWS, readPrepareForm } from './consultation/pages/consultation-send-forms';
import { TRIAGE_FORM_ERRORS } from './consultation/pages/compilation-forms';
import { RESPONSE_FORM_MULTI_LINE } from './consultation/pages/response-form';
import { REPORT_FORM_ERRORS } from './follow-up/pages/follow-up-forms';

/** Every template of the app, by path. */
function templates(dir = __dirname): Array<[path: string, text: string]> {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry): Array<[string, string]> => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return templates(path);
    return entry.name.endsWith('.hbs') ? [[path, readFileSync(path, 'utf8')]] : [];
  });
}

/**
 * A form's textareas may hold line breaks; every other field is one line
 * (formAction refuses a line break there). The forms name their textareas in
 * their error maps (`multiLine`); this keeps those names and the templates'
 * textareas the same set, so a new textarea cannot be refused its lines, nor
 * a one-line field be let through with them, unnoticed.
 */
describe('the textareas of the web forms', () => {
  it('are exactly the fields the forms take as multi-line', () => {
    const named = new Set<string>();
    for (const [path, text] of templates()) {
      for (const [, name] of text.matchAll(/<textarea\b[^>]*\bname="([^"]+)"/g)) {
        // The submission step partial is rendered for each step with a text field.
        const names =
          name === '{{name}}' && path.endsWith('submission-step-form.hbs')
            ? Object.values(SUBMISSION_STEP_FIELD).filter((f) => f !== null)
            : // The remiss's question rows, one textarea each.
              name === '{{textId}}' && path.endsWith('consultation-prepare.hbs')
              ? Array.from({ length: QUESTION_ROWS }, (_, i) => `questionText${i}`)
            : // The response form's textarea partial: its presenter spec proves it is given exactly these names.
              name === '{{name}}' && path.endsWith('response-textarea.hbs')
              ? [...RESPONSE_FORM_MULTI_LINE]
              : [name];
        names.forEach((n) => named.add(n));
      }
    }
    const declared = new Set([NEED_FORM_ERRORS, SUBMISSION_STEP_FORM_ERRORS, APPOINT_FORM_ERRORS, END_FORM_ERRORS, STEP_FORM_ERRORS, PLAN_ITEM_FORM_ERRORS, PLAN_RESPONSIBILITIES_FORM_ERRORS, { multiLine: PLAN_TEXTS_MULTI_LINE }, DEFERRAL_FORM_ERRORS, ASK_FORM_ERRORS, ANSWER_FORM_ERRORS, prepareFormErrors(readPrepareForm({})), EXTENSION_REQUEST_FORM_ERRORS, DECIDE_FORM_ERRORS, TRIAGE_FORM_ERRORS, { multiLine: RESPONSE_FORM_MULTI_LINE }, REPORT_FORM_ERRORS].flatMap((map) => map.multiLine ?? []));
    expect(named.size).toBeGreaterThanOrEqual(6);
    expect([...named].every((n) => !n.includes('{{'))).toBe(true);
    expect([...declared].sort()).toEqual([...named].sort());
  });
});
