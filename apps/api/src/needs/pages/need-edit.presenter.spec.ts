import { Principal } from '@samverka/identity';
import { NeedEntity } from '@samverka/needs';
import { RoundBasics } from '@samverka/rounds';
import { needFormValues } from './need-form';
import { ViewRenderer } from '../../shell/view-renderer';
import { Viewer, ViewerService } from '../../shell/viewer';
import { WebAssets } from '../../shell/web-assets';
import { buildNeedDeletePage, buildNeedEditPage, NeedPageData } from './need-edit.presenter';
import { evidenceText, genitive } from './needs-format';

const ROUND_ID = '0b6d7f0e-3c1a-4f5e-9a2b-1c2d3e4f5a6b';
const FSK = '3f1c2a9e-8b7d-4c6e-9f0a-1b2c3d4e5f60';
const NEED_ID = '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const BASE = `/planomgangar/${ROUND_ID}/behov/${FSK}`;

const round: RoundBasics = {
  id: ROUND_ID,
  title: 'Utvecklingsplan för kontaktcenter 2027 och framåt',
  year: 2027,
  state: 'collectingNeeds',
  needsDeadline: '2026-12-20',
  areas: [{ code: 'LOKAL_SERVICE', name: 'Lokal service' }],
  participants: [{ departmentId: FSK, name: 'Förskoleförvaltningen', committeeId: 'c1' }],
};

const need = {
  id: NEED_ID,
  roundId: ROUND_ID,
  departmentId: FSK,
  areaCode: 'LOKAL_SERVICE',
  title: 'Skyltning vid entréerna',
  description: 'Vårdnadshavare hittar inte rätt.',
  channels: ['web'],
  districts: [],
  targetGroups: [],
  evidence: null,
  monthlyVolume: null,
  priority: 'low',
  consequence: null,
} as unknown as NeedEntity;

const data: NeedPageData = {
  round,
  departmentName: 'Förskoleförvaltningen',
  need,
  reference: { channels: [{ code: 'web', name: 'Webb och e-tjänster', active: true }], districts: [], targetGroups: [] },
  today: '2026-11-22',
};

const renderer = new ViewRenderer({ stylesheetUrl: '/assets/samverka.css?v=test' } as WebAssets, {} as ViewerService);
const viewer = { principal: { coordinator: [FSK] } as unknown as Principal, name: 'Annika Åsberg', csrfToken: 'csrf-1', seesAllDepartments: false, departments: [], committees: [] } as Viewer;

describe('the pages to change and remove a need', () => {
  it('shows the need as saved in the edit form, posting to its own address, with the way back to its card', () => {
    const model = buildNeedEditPage(data);
    expect(model).toMatchObject({
      title: 'Ändra behovet',
      section: 'rounds',
      hasErrors: false,
      caption: 'Förskoleförvaltningens behov – Utvecklingsplan för kontaktcenter 2027 och framåt',
      backHref: `${BASE}#behov-${NEED_ID}`,
      errorSummary: [],
      form: { action: `${BASE}/${NEED_ID}/andra`, submitLabel: 'Spara ändringarna', cancelHref: `${BASE}#behov-${NEED_ID}`, values: needFormValues(need) },
    });
    expect(model.form.evidenceKinds.find((k) => k.checked)?.text).toBe('Inget underlag');
    const page = renderer.render('need-edit', model, viewer, `${BASE}/${NEED_ID}/andra`);
    expect(page).toMatch(new RegExp(`<form method="post" action="${BASE}/${NEED_ID}/andra" novalidate>\\s*<input type="hidden" name="_csrf" value="csrf-1">`));
    expect(page).toContain('value="Skyltning vid entréerna"');
  });

  it('shows a failed change again with what was typed and the errors, the service’s refusals first', () => {
    const values = { ...needFormValues(need), channels: [] };
    const model = buildNeedEditPage(data, { values, errors: { channels: 'Välj minst en kanal' }, general: ['Förvaltningens behov är inlämnade'] });
    expect(model.hasErrors).toBe(true);
    expect(model.errorSummary).toEqual([
      { text: 'Förvaltningens behov är inlämnade', href: '#behovet' },
      { text: 'Välj minst en kanal', href: '#channels' },
    ]);
    expect(model.form.values).toBe(values);
    expect(renderer.render('need-edit', model, viewer, '/').startsWith('<!DOCTYPE html>')).toBe(true);
  });

  it('asks before removing, showing the need and a form that posts the removal', () => {
    const model = buildNeedDeletePage(data);
    expect(model).toMatchObject({ title: 'Ta bort behovet', action: `${BASE}/${NEED_ID}/ta-bort`, errorSummary: [], need: { title: 'Skyltning vid entréerna', editHref: null } });
    const page = renderer.render('need-delete', model, viewer, `${BASE}/${NEED_ID}/ta-bort`);
    expect(page).toContain('<h2 class="govuk-summary-card__title"');
    expect(page).toMatch(new RegExp(`<form method="post" action="${BASE}/${NEED_ID}/ta-bort" novalidate>\\s*<input type="hidden" name="_csrf" value="csrf-1">`));
    expect(page).toContain('Ja, ta bort behovet</button>');
    expect(buildNeedDeletePage(data, ['Planomgången tar inte emot behov just nu']).errorSummary).toEqual([{ text: 'Planomgången tar inte emot behov just nu', href: '#behovet' }]);
  });
});

describe('needs, as the pages name them', () => {
  it('writes department names in the genitive', () => {
    expect(genitive('Förskoleförvaltningen')).toBe('Förskoleförvaltningens');
    expect(genitive('Stadskontoret')).toBe('Stadskontorets');
    expect(genitive('Malmö Stads')).toBe('Malmö Stads');
  });

  it('describes the evidence: its kind, source and date', () => {
    expect(evidenceText(null)).toBe('Inget underlag angivet');
    expect(evidenceText({ kind: 'survey', source: 'Invånarenkät', date: null })).toBe('Enkät eller undersökning: Invånarenkät');
    expect(evidenceText({ kind: 'staffObservation', source: 'Personalen', date: '2026-03-01' })).toBe('Iakttagelser från medarbetare: Personalen (1 mars 2026)');
  });
});
