import { Principal } from '@samverka/identity';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSignInPage } from '../auth/pages/sign-in.presenter';
import { findTemplates, navigationFor, ViewRenderer, withoutTrailingWhitespace } from './view-renderer';
import { Viewer, ViewerService } from './viewer';
import { WebAssets } from './web-assets';

const principal = (values: Partial<Principal> = {}): Principal => ({
  userId: 'u1',
  personId: 'p1',
  name: 'Annika Åsberg',
  email: 'annika.asberg@malmo.example',
  sessionId: 's1',
  sessionKind: 'web',
  csrfToken: 'csrf-token-1',
  admin: false,
  strategist: false,
  management: [],
  coordinator: [],
  committeeSecretary: [],
  ...values,
});

const viewer = (p: Principal, departments: Viewer['departments'] = []): Viewer => ({
  principal: p,
  name: p.name,
  csrfToken: p.csrfToken,
  seesAllDepartments: p.admin || p.strategist,
  departments,
  committees: [],
});

const FSK = { id: '3f1c2a9e-8b7d-4c6e-9f0a-1b2c3d4e5f60', name: 'Förskoleförvaltningen', coordinator: true, management: false };

describe('the layout', () => {
  const renderer = new ViewRenderer({ stylesheetUrl: '/assets/samverka.css?v=test' } as WebAssets, {} as ViewerService);

  it('shows navigation only to what the user may reach', () => {
    const texts = (v: Viewer | null) => navigationFor(v, { section: 'start', sectionHome: true }, '/').map((n) => n.text);
    expect(texts(null)).toEqual([]);
    expect(texts(viewer(principal({ admin: true })))).toEqual(['Start', 'Förvaltningar', 'Planomgångar', 'Användare', 'Utskick', 'API-dokumentation']);
    expect(texts(viewer(principal({ strategist: true })))).toEqual(['Start', 'Förvaltningar', 'Planomgångar']);
    expect(texts(viewer(principal({ coordinator: [FSK.id] }), [FSK]))).toEqual(['Start', 'Förskoleförvaltningen', 'Planomgångar']);
    expect(texts(viewer(principal({ committeeSecretary: ['c1'] })))).toEqual(['Start', 'Planomgångar']);
    // The own department's link is the current page on its page, and active under it.
    const own = (path: string) => navigationFor(viewer(principal({ coordinator: [FSK.id] }), [FSK]), { section: 'departments' }, path)[1];
    expect(own(`/forvaltningar/${FSK.id}`)).toMatchObject({ current: true, active: false });
    expect(own(`/forvaltningar/${FSK.id}/samordnare`)).toMatchObject({ current: false, active: true });
    // Planomgångar is the current page on the list, and active on a round's pages.
    const rounds = (sectionHome: boolean) => navigationFor(viewer(principal({ coordinator: [FSK.id] }), [FSK]), { section: 'rounds', sectionHome }, '/planomgangar').find((n) => n.text === 'Planomgångar');
    expect(rounds(true)).toMatchObject({ href: '/planomgangar', current: true, active: false });
    expect(rounds(false)).toMatchObject({ current: false, active: true });
  });

  it('names who is signed in, with a sign-out form carrying the CSRF token, and gives page forms the same token', () => {
    const html = renderer.render('error', { title: 'Test', section: null } as never, viewer(principal()), '/');
    expect(html).toContain('Inloggad som <strong>Annika Åsberg</strong>');
    expect(html).toMatch(/<form method="post" action="\/logga-ut"[^>]*>\s*<input type="hidden" name="_csrf" value="csrf-token-1">/);
    const anonymous = renderer.render('error', { title: 'Test', section: null } as never, null, '/');
    expect(anonymous).not.toContain('logga-ut');
    expect(anonymous).not.toContain('Huvudmeny');
  });

  it('offers single sign-on beside the password form when it is configured, keeping where to go next', () => {
    const withSso = renderer.render('sign-in', buildSignInPage({ values: { email: '', next: '/forvaltningar?status=saknar' }, loginCsrf: 'x', ssoLabel: 'Logga in med Malmö stads konto' }));
    // (Handlebars writes "=" in attribute values as &#x3D;, which the browser reads as "=")
    expect(withSso).toContain('href="/logga-in/sso?next&#x3D;%2Fforvaltningar%3Fstatus%3Dsaknar"');
    expect(withSso).toContain('Logga in med Malmö stads konto');
    expect(withSso).toContain('<input type="hidden" name="next" value="/forvaltningar?status&#x3D;saknar">');
    const without = renderer.render('sign-in', buildSignInPage({ values: { email: '', next: '' }, loginCsrf: 'x' }));
    expect(without).not.toContain('/logga-in/sso');
    expect(without).not.toContain('name="next"');
  });

  it('never prints a password back, and escapes what was typed', () => {
    const html = renderer.render('sign-in', buildSignInPage({ values: { email: '"><script>alert(1)</script>', next: '' }, loginCsrf: 'x', general: 'Fel e-postadress eller lösenord' }));
    expect(html).not.toContain('<script>');
    expect(html).toContain('value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
    expect(html).toMatch(/<input[^>]*name="password"[^>]*type="password"[^>]*>/);
    expect(html).not.toMatch(/<input[^>]*name="password"[^>]*value=/);
    expect(html).toContain('<title>Fel: Logga in – Samverka</title>');
  });
});

describe('finding the templates in the feature folders', () => {
  let root: string;
  const write = (file: string) => {
    mkdirSync(join(root, file, '..'), { recursive: true });
    writeFileSync(join(root, file), '<p></p>');
  };
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'samverka-views-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('takes the pages from every pages/ folder and the partials from every partials/ folder, by file name', () => {
    write('rounds/pages/round.hbs');
    write('rounds/pages/partials/round-step-form.hbs');
    write('needs/pages/needs.hbs');
    write('shell/partials/tag.hbs');
    write('shell/layouts/main.hbs');
    expect([...findTemplates(root, 'pages').keys()].sort()).toEqual(['needs', 'round']);
    expect([...findTemplates(root, 'partials').keys()].sort()).toEqual(['round-step-form', 'tag']);
    expect(findTemplates(root, 'pages').get('round')).toBe(join(root, 'rounds/pages/round.hbs'));
  });

  it('refuses two pages of the same name in different features', () => {
    write('rounds/pages/list.hbs');
    write('needs/pages/list.hbs');
    expect(() => findTemplates(root, 'pages')).toThrow('Two pages named list: needs/pages/list.hbs and rounds/pages/list.hbs');
  });

  it('finds every page the application renders in the source tree', () => {
    const pages = findTemplates(join(__dirname, '..'), 'pages');
    expect([...pages.keys()].sort()).toEqual(
      ['acknowledge', 'admin-user', 'admin-user-new', 'admin-users', 'allocation-matrix', 'allocation-summary', 'city-overview', 'consultation-compilation', 'consultation-extension-request', 'consultation-prepare', 'consultation-response', 'consultation-response-confirm', 'consultation-status', 'department', 'department-plan-questions', 'departments', 'digest-settings', 'error', 'follow-up', 'follow-up-department', 'follow-up-import', 'follow-up-item', 'follow-up-periods', 'need-delete', 'need-edit', 'needs', 'needs-analysis', 'needs-step-confirm', 'notification', 'notifications', 'plan-draft', 'plan-freeze-confirm', 'plan-item-delete', 'plan-item-edit', 'plan-needs', 'plan-questions', 'plan-responsibilities-edit', 'plan-texts-edit', 'plan-version-diff', 'plan-version-print', 'plan-version-view', 'plan-versions', 'round', 'round-deadline-confirm', 'round-launch', 'round-new', 'rounds', 'set-password', 'sign-in', 'start'],
    );
  });
});

describe(withoutTrailingWhitespace.name, () => {
  it('drops the spaces templates leave at line ends, but not inside a textarea or <pre>', () => {
    expect(withoutTrailingWhitespace('<p>a</p>  \n    \n<textarea>x  \ny </textarea>  \n<pre>z  \n</pre>\t\n')).toBe(
      '<p>a</p>\n\n<textarea>x  \ny </textarea>\n<pre>z  \n</pre>\n',
    );
  });
});
