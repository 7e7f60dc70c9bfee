import { CommonError, CommonErrorCode } from '@samverka/kernel';
import { NeedsError, NeedsErrorCode } from '@samverka/needs';
import { FormFailure } from './form-body';
import { fieldIds, FormErrorMap, formAction, formErrorsFrom, FormRejected, validInput } from './form-action';

const MAP: FormErrorMap = {
  fieldIdFor: fieldIds({ 'evidence.date': 'evidenceDate', title: 'title' }),
  refusals: { [NeedsErrorCode.SUBMISSION_NOT_EDITABLE]: null, [NeedsErrorCode.ROUND_NOT_COLLECTING]: 'title' },
};

describe('formErrorsFrom', () => {
  it('puts each field violation at the form field its path maps to, the first per field, the rest in the summary', () => {
    const error = CommonError.invalid([
      { field: 'evidence.date', rule: 'notInFuture', message: 'Underlagets datum kan inte ligga i framtiden' },
      { field: 'title', rule: 'isNotEmpty', message: 'Ange en rubrik' },
      { field: 'title', rule: 'maxLength', message: 'Rubriken är för lång' },
      { field: 'departmentId', rule: 'participant', message: 'Förvaltningen deltar inte i planomgången' },
    ]);
    expect(formErrorsFrom(error, MAP)).toEqual({
      errors: { evidenceDate: 'Underlagets datum kan inte ligga i framtiden', title: 'Ange en rubrik' },
      general: ['Förvaltningen deltar inte i planomgången'],
    });
  });

  it('shows an unknown reference at its field, and a duplicate with the message that names what clashes', () => {
    expect(formErrorsFrom(CommonError.unknownReference('title', 'x', 'Finns inte'), MAP)).toEqual({ errors: { title: 'Finns inte' }, general: [] });
    expect(formErrorsFrom(CommonError.duplicate('title', 'Ny rubrik', 'Rubriken Ny rubrik finns redan'), MAP)?.errors).toEqual({ title: 'Rubriken Ny rubrik finns redan' });
  });

  it('shows the refusals the form lists with their own message, in the summary or at the field named', () => {
    expect(formErrorsFrom(new NeedsError(NeedsErrorCode.SUBMISSION_NOT_EDITABLE, 'Behoven är inlämnade'), MAP)).toEqual({ errors: {}, general: ['Behoven är inlämnade'] });
    expect(formErrorsFrom(new NeedsError(NeedsErrorCode.ROUND_NOT_COLLECTING, 'Tar inte emot behov'), MAP)).toEqual({ errors: { title: 'Tar inte emot behov' }, general: [] });
  });

  it('leaves a missing thing, and a refusal the form does not list, to the error page', () => {
    expect(formErrorsFrom(CommonError.notFound('Behovet', 'x'), { ...MAP, explain: () => ({ errors: {}, general: ['fel'] }) })).toBeNull();
    expect(formErrorsFrom(new NeedsError(NeedsErrorCode.SUBMISSION_STEP_NOT_ALLOWED, 'Nej'), MAP)).toBeNull();
    expect(formErrorsFrom(new CommonError(CommonErrorCode.VERSION_CONFLICT, 'Ändrad'), MAP)).toBeNull();
  });

  it('lets the form word a refusal itself before anything else', () => {
    const explain: FormErrorMap['explain'] = (e) => (e.code === CommonErrorCode.VERSION_CONFLICT ? { errors: {}, general: ['Någon annan hann före'] } : null);
    expect(formErrorsFrom(new CommonError(CommonErrorCode.VERSION_CONFLICT, 'Ändrad'), { ...MAP, explain })).toEqual({ errors: {}, general: ['Någon annan hann före'] });
    expect(formErrorsFrom(CommonError.invalidField('title', 'isNotEmpty', 'Ange en rubrik'), { ...MAP, explain })?.errors).toEqual({ title: 'Ange en rubrik' });
  });
});

describe('formAction', () => {
  type Values = { title: string };
  const run = async (action: () => Promise<string>, posted: unknown = null) => {
    const calls: { failed?: [FormFailure<Values>, unknown]; done?: string } = {};
    await formAction<Values, string>({
      values: { title: 'Som skrivet' },
      posted,
      errors: { ...MAP, multiLine: ['description'] },
      run: action,
      failed: async (failure, refusal) => void (calls.failed = [failure, refusal]),
      done: (result) => void (calls.done = result),
    });
    return calls;
  };

  it('goes on with the result when the service accepts the command', async () => {
    expect(await run(async () => 'ny-id')).toEqual({ done: 'ny-id' });
  });

  it('renders again with what was typed and the refusal status when the service refuses in a way the form explains', async () => {
    const refusal = new NeedsError(NeedsErrorCode.SUBMISSION_NOT_EDITABLE, 'Behoven är inlämnade');
    const calls = await run(async () => Promise.reject(refusal));
    expect(calls.done).toBeUndefined();
    expect(calls.failed).toEqual([{ values: { title: 'Som skrivet' }, errors: {}, general: ['Behoven är inlämnade'], status: 409 }, refusal]);
    const invalid = await run(async () => Promise.reject(CommonError.invalidField('title', 'isNotEmpty', 'Ange en rubrik')));
    expect(invalid.failed?.[0]).toMatchObject({ errors: { title: 'Ange en rubrik' }, status: 400 });
  });

  it("renders again with a 400 when the form's own reading rejects it", async () => {
    const calls = await run(async () => validInput<string>({ errors: { title: 'Ange en rubrik' } }));
    expect(calls.failed).toEqual([{ values: { title: 'Som skrivet' }, errors: { title: 'Ange en rubrik' }, general: [], status: 400 }, null]);
    expect(await run(async () => validInput({ errors: {}, input: 'godkänd' }))).toEqual({ done: 'godkänd' });
  });

  it('lets any other error through to the error page', async () => {
    await expect(run(async () => Promise.reject(CommonError.notFound('Behovet', 'x')))).rejects.toMatchObject({ code: CommonErrorCode.NOT_FOUND });
    await expect(run(async () => Promise.reject(new Error('databasen svarar inte')))).rejects.toThrow('databasen svarar inte');
    await expect(run(async () => Promise.reject(new FormRejected({})))).resolves.toMatchObject({ failed: [{ status: 400 }, null] });
  });

  it('refuses, before the service is asked, a posted line break outside the textareas and a control character anywhere, at the field', async () => {
    let asked = 0;
    const service = async () => String(++asked);
    const broken = await run(service, { _csrf: 'abc', title: 'Två\nrader', description: 'Rad ett\r\nrad två\tmed tabb' });
    expect(broken.failed).toEqual([
      { values: { title: 'Som skrivet' }, errors: { title: 'Skriv på en rad, utan radbrytningar, tabbar eller andra styrtecken (här finns U+000A)' }, general: [], status: 400 },
      null,
    ]);
    const pasted = await run(service, { title: 'En rad', description: 'Ord\u000bbehandlare', tags: ['a', 'b\u0000'] });
    expect(pasted.failed?.[0]).toEqual({
      values: { title: 'Som skrivet' },
      errors: {},
      // Fields the form's values do not know by name are explained in the summary.
      general: ['Texten innehåller ett osynligt styrtecken (U+000B) som inte kan sparas; skriv om stället där det står', 'Texten innehåller ett tecken som inte kan sparas (NUL eller ett ofullständigt tecken); skriv om den'],
      status: 400,
    });
    expect(asked).toBe(0);
    expect(await run(service, { title: 'En rad', description: 'Rad ett\nrad två' })).toEqual({ done: '1' });
  });

  it('leaves a field the form reads by its own rule (the address to return to) to that rule', async () => {
    const calls: { done?: string } = {};
    const failed = jest.fn();
    await formAction<Values, string>({
      values: { title: 'x' },
      posted: { next: '/\t/evil.example' },
      errors: { ...MAP, readByOwnRule: ['next'] },
      run: async () => 'inloggad',
      failed,
      done: (result) => void (calls.done = result),
    });
    expect({ calls, failed: failed.mock.calls.length }).toEqual({ calls: { done: 'inloggad' }, failed: 0 });
  });
});
