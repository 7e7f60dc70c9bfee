import type { CoordinatorAssignmentEntity } from '@samverka/organisation';
import { acknowledgePath, buildAcknowledgePage } from './acknowledge-page.presenter';
import { readPicker } from './department-page.presenter';

const assignment = (over: Partial<CoordinatorAssignmentEntity> = {}): CoordinatorAssignmentEntity =>
  ({
    id: 'a1',
    departmentId: 'd1',
    personId: 'p-ahmed',
    kind: 'deputy',
    mandate: 'Ersätta samordnaren.',
    responsibilities: ['Lyssna in behoven.'],
    validFrom: '2026-03-01',
    validTo: null,
    acknowledgedAt: null,
    endReason: null,
    person: { id: 'p-ahmed', name: 'Ahmed Khalil', email: 'ahmed.khalil@malmo.example', title: null },
    department: { id: 'd1', name: 'Kulturförvaltningen' },
    appointedBy: { id: 'p-sofia', name: 'Sofia Berglund' },
    ...over,
  }) as unknown as CoordinatorAssignmentEntity;

describe('the assignment page', () => {
  it('is at the address the appointment email links to', () => {
    expect(acknowledgePath('d1', 'a1')).toBe('/forvaltningar/d1/uppdrag/a1/bekrafta');
  });

  it('gives the appointed person the button, with the department, kind, mandate, validity and who appointed', () => {
    const model = buildAcknowledgePage({ assignment: assignment(), status: 'active', viewerPersonId: 'p-ahmed', mayViewDepartment: true });
    expect(model.acknowledgeAction).toBe('/forvaltningar/d1/uppdrag/a1/bekrafta');
    expect(model.heading).toBe('Ersättare för Kulturförvaltningen');
    expect(model.rows.map((r) => [r.key, r.value])).toEqual([
      ['Förvaltning', 'Kulturförvaltningen'],
      ['Roll', 'Ersättare'],
      ['Person', 'Ahmed Khalil (ahmed.khalil@malmo.example)'],
      ['Giltighet', 'Från 1 mars 2026, tills vidare'],
      ['Utsedd av', 'Sofia Berglund'],
      ['Mandat', 'Ersätta samordnaren.'],
    ]);
    expect(model.explanation).toBeNull();
    expect(model.departmentHref).toBe('/forvaltningar/d1');
  });

  it('shows others the assignment without the button, and says who acknowledges', () => {
    const model = buildAcknowledgePage({ assignment: assignment(), status: 'active', viewerPersonId: 'p-erik', mayViewDepartment: true });
    expect(model.acknowledgeAction).toBeNull();
    expect(model.explanation).toBe('Bara Ahmed Khalil kan bekräfta uppdraget.');
  });

  it('says when it is already acknowledged, and (just after) that you did it', () => {
    const done = assignment({ acknowledgedAt: new Date('2026-03-03T10:15:00Z') });
    const model = buildAcknowledgePage({ assignment: done, status: 'active', viewerPersonId: 'p-ahmed', mayViewDepartment: false, justAcknowledged: true });
    expect(model.acknowledgeAction).toBeNull();
    expect(model.acknowledged).toBe('3 mars 2026 kl. 11:15');
    expect(model.notice).toBe('Du har bekräftat uppdraget som ersättare för Kulturförvaltningen.');
    expect(model.departmentHref).toBeNull();
    expect(model.section).toBe('start');
  });

  it('has no button once the assignment has ended, and says why', () => {
    const model = buildAcknowledgePage({ assignment: assignment({ validTo: '2026-03-02' }), status: 'ended', viewerPersonId: 'p-ahmed', mayViewDepartment: false });
    expect(model.acknowledgeAction).toBeNull();
    expect(model.explanation).toBe('Uppdraget har upphört och kan inte längre bekräftas.');
  });

  it('shows a refusal in the error summary, linking to the button section', () => {
    const model = buildAcknowledgePage({ assignment: assignment(), status: 'active', viewerPersonId: 'p-ahmed', mayViewDepartment: true, error: 'Uppdraget har redan upphört' });
    expect(model.errorSummary).toEqual([{ text: 'Uppdraget har redan upphört', href: '#bekrafta' }]);
    expect(model.hasErrors).toBe(true);
  });
});

describe('the person picker of the appoint form', () => {
  it('reads the choice (existing or new) and, for existing people, the search', () => {
    expect(readPicker({})).toEqual({ choice: null, search: '' });
    expect(readPicker({ person: 'befintlig', sok: ' berg ' })).toEqual({ choice: 'existing', search: 'berg' });
    expect(readPicker({ person: 'ny', sok: 'berg' })).toEqual({ choice: 'new', search: '' });
    expect(readPicker({ person: 'annat' })).toEqual({ choice: null, search: '' });
    expect(readPicker({ person: ['ny'] })).toEqual({ choice: null, search: '' });
  });
});
