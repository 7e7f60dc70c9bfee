import { CommonError } from '@samverka/kernel';
import { NeedsError, NeedsErrorCode } from '@samverka/needs';
import { emptyNeedForm, NEED_FORM_ERRORS, NeedFormChoices, NeedFormValues, needFormValues, readNeedForm, validateNeedForm } from './need-form';
import { formErrorsFrom } from '../../shell/form-action';

const TODAY = '2026-11-22';

const choices: NeedFormChoices = {
  areas: [
    { code: 'LOKAL_SERVICE', name: 'Lokal service' },
    { code: 'TILLGANGLIGHET', name: 'Tillgänglighet och serviceinriktat bemötande' },
  ],
  channels: [
    { code: 'library', name: 'Bibliotek' },
    { code: 'web', name: 'Webb och e-tjänster' },
  ],
  districts: [{ code: 'norr', name: 'Norr' }],
  targetGroups: [{ code: 'newcomers', name: 'Nyanlända' }],
};

const filled = (values: Partial<NeedFormValues> = {}): NeedFormValues => ({
  ...emptyNeedForm(),
  areaCode: 'LOKAL_SERVICE',
  title: 'Vägledning på biblioteken',
  description: 'Invånare tar med kommunala ärenden till biblioteken.',
  channels: ['library'],
  priority: 'high',
  ...values,
});

const validate = (values: Partial<NeedFormValues>) => validateNeedForm(filled(values), choices, TODAY);

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

  it('names every missing field at once, in words a coordinator understands', () => {
    expect(validateNeedForm(emptyNeedForm(), choices, TODAY)).toEqual({
      errors: {
        areaCode: 'Välj utvecklingsområde',
        title: 'Ange en rubrik',
        description: 'Beskriv behovet',
        channels: 'Välj minst en kanal',
        priority: 'Välj prioritet',
      },
    });
    expect(validate({ title: '', channels: [] }).errors).toEqual({ title: 'Ange en rubrik', channels: 'Välj minst en kanal' });
  });

  it('accepts only what the form offered: areas of the round, active reference data, known priorities', () => {
    expect(validate({ areaCode: 'BIBLIOTEK', channels: ['fax'], districts: ['mars'], targetGroups: ['aliens'], priority: 'urgent' }).errors).toEqual({
      areaCode: 'Välj ett utvecklingsområde i listan',
      channels: 'Välj kanaler i listan',
      districts: 'Välj stadsområden i listan',
      targetGroups: 'Välj målgrupper i listan',
      priority: 'Välj prioritet',
    });
    expect(validate({ title: 'x'.repeat(301), consequence: 'x'.repeat(4001) }).errors).toEqual({
      title: 'Rubriken får vara högst 300 tecken',
      consequence: 'Konsekvensen får vara högst 4000 tecken',
    });
  });

  it('asks for the source of the evidence chosen, a real date not in the future, and no source without a kind', () => {
    expect(validate({ evidenceKind: 'statistics' }).errors).toEqual({ evidenceSource: 'Ange underlagets källa' });
    expect(validate({ evidenceKind: 'statistics', evidenceSource: 'Besöksstatistik', evidenceDate: '2026-11-23' }).errors).toEqual({
      evidenceDate: 'Underlagets datum kan inte ligga i framtiden',
    });
    expect(validate({ evidenceKind: 'statistics', evidenceSource: 'Besöksstatistik', evidenceDate: '2026-02-30' }).errors).toEqual({
      evidenceDate: 'Underlagets datum måste vara ett riktigt datum skrivet ÅÅÅÅ-MM-DD, till exempel 2026-03-01',
    });
    expect(validate({ evidenceKind: 'none', evidenceSource: 'Besöksstatistik' }).errors).toEqual({
      evidenceKind: 'Välj vilken sorts underlag behovet bygger på, eller töm fälten för källa och datum',
    });
    expect(validate({ evidenceKind: 'rumour', evidenceSource: 'Hörsägen' }).errors).toEqual({ evidenceKind: 'Välj vilken sorts underlag behovet bygger på' });
  });

  it('reads the monthly volume as a whole number (spaces as thousands separators allowed)', () => {
    expect(validate({ monthlyVolume: '1 200' }).input?.monthlyVolume).toBe(1200);
    expect(validate({ monthlyVolume: '' }).input?.monthlyVolume).toBeNull();
    for (const bad of ['ca 300', '12,5', '-3', '10000001']) {
      expect(validate({ monthlyVolume: bad }).errors).toEqual({ monthlyVolume: 'Antal ärenden per månad måste vara ett heltal, till exempel 350' });
    }
  });

  it("gives the need's fields when valid: no evidence for none, empty texts as null", () => {
    expect(validate({ evidenceKind: 'none', consequence: '' })).toEqual({
      errors: {},
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
    expect(validateNeedForm(values, choices, TODAY).input).toEqual(need);
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
});
