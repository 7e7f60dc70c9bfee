import { CommonError } from '@samverka/kernel';
import { NeedsError, NeedsErrorCode, needViolations } from '@samverka/needs';
import { formErrorsFrom } from '../../shell/form-action';
import { emptyNeedForm, NEED_FORM_ERRORS, needFieldIdFor, NeedFormValues, needFormValues, readNeedForm, validateNeedForm } from './need-form';

const TODAY = '2026-11-22';

const filled = (values: Partial<NeedFormValues> = {}): NeedFormValues => ({
  ...emptyNeedForm(),
  areaCode: 'LOKAL_SERVICE',
  title: 'Vägledning på biblioteken',
  description: 'Invånare tar med kommunala ärenden till biblioteken.',
  channels: ['library'],
  priority: 'high',
  ...values,
});

const validate = (values: Partial<NeedFormValues>) => validateNeedForm(filled(values), TODAY);

describe('the need form', () => {
  it("reads only the form's own fields: trimmed, line breaks as \\n, each code once", () => {
    expect(
      readNeedForm({
        _csrf: 'x',
        areaCode: ' LOKAL_SERVICE ',
        title: '  Vägledning  ',
        description: 'Rad ett\r\nRad två\r\n',
        channels: ['library', 'web', 'library', ' '],
        districts: 'norr',
        evidenceKind: 'survey',
        evidenceSource: ' Enkät 2025 ',
        evidenceDate: '2026-01-15',
        monthlyVolume: ' 1 200 ',
        priority: 'medium',
        consequence: '',
        departmentId: 'someone-else',
      }),
    ).toEqual({
      areaCode: 'LOKAL_SERVICE',
      title: 'Vägledning',
      description: 'Rad ett\nRad två',
      channels: ['library', 'web'],
      districts: ['norr'],
      targetGroups: [],
      evidenceKind: 'survey',
      evidenceSource: 'Enkät 2025',
      evidenceDate: '2026-01-15',
      monthlyVolume: '1 200',
      priority: 'medium',
      consequence: '',
    });
    expect(readNeedForm(undefined)).toEqual(emptyNeedForm());
  });

  it("leaves the need's rules to the service: a need without a title or channel is still mapped, and the service's violations land on the fields", () => {
    const { input, errors } = validate({ title: '', channels: [], areaCode: 'BIBLIOTEK', districts: ['mars'] });
    expect(errors).toEqual({});
    expect(input).toMatchObject({ title: '', channels: [], areaCode: 'BIBLIOTEK', districts: ['mars'] });
    expect(formErrorsFrom(CommonError.invalid(needViolations(input!, TODAY)), NEED_FORM_ERRORS)).toEqual({
      errors: { title: 'Ange en rubrik', channels: 'Välj minst en kanal' },
      general: [],
    });
    expect(validate({ title: 'x'.repeat(301) }).input?.title).toHaveLength(301);
  });

  it("with a problem of the form's own, reports the need's rules with it, every field at once", () => {
    expect(validateNeedForm(emptyNeedForm(), TODAY)).toEqual({
      errors: {
        areaCode: 'Välj utvecklingsområde',
        title: 'Ange en rubrik',
        description: 'Beskriv behovet',
        channels: 'Välj minst en kanal',
        priority: 'Välj prioritet',
      },
      general: [],
    });
    expect(validate({ channels: [], evidenceKind: 'none', evidenceDate: '2020-02-30' }).errors).toEqual({
      channels: 'Välj minst en kanal',
      evidenceKind: 'Välj vilken sorts underlag behovet bygger på, eller töm fälten för källa och datum',
      evidenceDate: 'Underlagets datum måste vara ett riktigt datum skrivet ÅÅÅÅ-MM-DD, till exempel 2026-03-01',
    });
    expect(validate({ priority: 'urgent', evidenceKind: 'statistics', evidenceSource: '', evidenceDate: '2026-11-23' }).errors).toEqual({
      priority: 'Välj prioritet',
      evidenceSource: 'Ange underlagets källa',
      evidenceDate: 'Underlagets datum kan inte ligga i framtiden',
    });
  });

  it('reads the evidence: a kind among those offered, no source or date without a kind, a date that is a date', () => {
    expect(validate({ evidenceKind: 'statistics', evidenceSource: 'Besöksstatistik', evidenceDate: '2026-11-23' }).input?.evidence).toEqual({
      kind: 'statistics',
      source: 'Besöksstatistik',
      date: '2026-11-23',
    });
    expect(validate({ evidenceKind: 'statistics', evidenceSource: 'Besöksstatistik', evidenceDate: '2026-02-30' }).errors).toEqual({
      evidenceDate: 'Underlagets datum måste vara ett riktigt datum skrivet ÅÅÅÅ-MM-DD, till exempel 2026-03-01',
    });
    expect(validate({ evidenceKind: 'none', evidenceSource: 'Besöksstatistik' }).errors).toEqual({
      evidenceKind: 'Välj vilken sorts underlag behovet bygger på, eller töm fälten för källa och datum',
    });
    expect(validate({ evidenceKind: '', evidenceDate: '2026-01-01' }).errors).toEqual({
      evidenceKind: 'Välj vilken sorts underlag behovet bygger på, eller töm fälten för källa och datum',
    });
    expect(validate({ evidenceKind: 'rumour', evidenceSource: 'Hörsägen' }).errors).toEqual({ evidenceKind: 'Välj vilken sorts underlag behovet bygger på' });
  });

  it('reads the monthly volume as a whole number (spaces as thousands separators allowed); how large it may be is a rule of the need', () => {
    expect(validate({ monthlyVolume: '1 200' }).input?.monthlyVolume).toBe(1200);
    expect(validate({ monthlyVolume: '' }).input?.monthlyVolume).toBeNull();
    expect(validate({ monthlyVolume: '10000001' }).input?.monthlyVolume).toBe(10_000_001);
    for (const bad of ['ca 300', '12,5', '-3']) {
      expect(validate({ monthlyVolume: bad })).toEqual({ errors: { monthlyVolume: 'Antal ärenden per månad måste vara ett heltal, till exempel 350' }, general: [] });
    }
  });

  it("gives the need's fields when valid: no evidence for none, empty texts as null", () => {
    expect(validate({ evidenceKind: 'none', consequence: '' })).toEqual({
      errors: {},
      general: [],
      input: {
        areaCode: 'LOKAL_SERVICE',
        title: 'Vägledning på biblioteken',
        description: 'Invånare tar med kommunala ärenden till biblioteken.',
        channels: ['library'],
        districts: [],
        targetGroups: [],
        evidence: null,
        monthlyVolume: null,
        priority: 'high',
        consequence: null,
      },
    });
    expect(validate({ evidenceKind: 'survey', evidenceSource: 'Enkät 2025', evidenceDate: '' }).input?.evidence).toEqual({ kind: 'survey', source: 'Enkät 2025', date: null });
  });

  it('shows a saved need as the edit form, which saves it unchanged', () => {
    const need = {
      areaCode: 'TILLGANGLIGHET',
      title: 'Skyltning',
      description: 'Vårdnadshavare hittar inte rätt.',
      channels: ['web'],
      districts: ['norr'],
      targetGroups: ['newcomers'],
      evidence: { kind: 'staffObservation' as const, source: 'Personalen', date: '2026-10-01' },
      monthlyVolume: 40,
      priority: 'low' as const,
      consequence: 'Fler samtal',
    };
    const values = needFormValues(need);
    expect(values).toMatchObject({ evidenceKind: 'staffObservation', evidenceDate: '2026-10-01', monthlyVolume: '40' });
    expect(validateNeedForm(values, TODAY).input).toEqual(need);
    expect(needFormValues({ ...need, evidence: null, monthlyVolume: null, consequence: null })).toMatchObject({
      evidenceKind: 'none',
      evidenceSource: '',
      monthlyVolume: '',
      consequence: '',
    });
  });

  it("explains the service's refusals: invalid fields where they were typed, a closed round or handed-in needs in the summary", () => {
    expect(formErrorsFrom(CommonError.invalidField('evidence.date', 'notInFuture', 'Underlagets datum kan inte ligga i framtiden'), NEED_FORM_ERRORS)).toEqual({
      errors: { evidenceDate: 'Underlagets datum kan inte ligga i framtiden' },
      general: [],
    });
    expect(formErrorsFrom(CommonError.invalidField('departmentId', 'participant', 'Förvaltningen deltar inte i planomgången'), NEED_FORM_ERRORS)).toEqual({
      errors: {},
      general: ['Förvaltningen deltar inte i planomgången'],
    });
    expect(formErrorsFrom(new NeedsError(NeedsErrorCode.SUBMISSION_NOT_EDITABLE, 'Förvaltningens behov är inlämnade'), NEED_FORM_ERRORS)).toEqual({
      errors: {},
      general: ['Förvaltningens behov är inlämnade'],
    });
    expect(formErrorsFrom(new NeedsError(NeedsErrorCode.ROUND_NOT_COLLECTING, 'Planomgången tar inte emot behov just nu'), NEED_FORM_ERRORS)?.general).toEqual([
      'Planomgången tar inte emot behov just nu',
    ]);
    expect(formErrorsFrom(CommonError.notFound('Behovet', 'x'), NEED_FORM_ERRORS)).toBeNull();
  });

  it('maps the paths of the need to the form field ids; the department belongs to no field', () => {
    expect(['evidence', 'evidence.kind', 'evidence.source', 'evidence.date', 'monthlyVolume', 'channels'].map(needFieldIdFor)).toEqual([
      'evidenceKind',
      'evidenceKind',
      'evidenceSource',
      'evidenceDate',
      'monthlyVolume',
      'channels',
    ]);
    expect(needFieldIdFor('departmentId')).toBeUndefined();
    expect(needFieldIdFor('toString')).toBeUndefined();
  });
});
