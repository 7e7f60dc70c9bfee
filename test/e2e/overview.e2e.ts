import { PlanRoundQueryService } from '@samverka/rounds';
import { addDays } from '@samverka/kernel';
import { Page } from 'playwright-core';
import { DEMO_USER, webSuite } from '../support/web-suite';

/**
 * The city overview over HTTP and in Chromium with JavaScript off, on the demo city: a strategist sees
 * the city, a coordinator and a manager their own department, others are refused (403); every page
 * passes the page check (axe, html-validate, no sideways scrolling).
 */
describe('the city overview', () => {
  const web = webSuite();
  let page: Page;

  beforeAll(async () => {
    // An open round collecting needs whose deadline has passed (made so in the table): every participant but none handed in is overdue.
    const round = await web.ctx.given.roundInCollectingNeeds({
      year: 2075,
      participantDepartmentIds: [web.departmentId('Förskoleförvaltningen'), web.departmentId('Kulturförvaltningen')],
    });
    const today = web.ctx.app.get(PlanRoundQueryService).today();
    await web.ctx.dataSource.query('update plan_round set needs_deadline = $2 where id = $1', [round.id, addDays(today, -3)]);
  });
  beforeEach(() => {
    page = web.page;
  });

  it('API: strategists get the city, coordinators and managers their departments, others 403', async () => {
    const strategist = await web.ctx.as([{ role: 'strategist' }]);
    const city = await strategist.api('GET', '/api/v1/overview');
    expect(city.status).toBe(200);
    expect(city.body.scope).toEqual({ all: true, departmentIds: [] });
    const overdue = (city.body.rounds as Array<{ year: number; overdue: Array<{ ownerName: string }> }>).find((r) => r.year === 2075)!.overdue.map((o) => o.ownerName);
    expect(overdue).toEqual(['Förskoleförvaltningen', 'Kulturförvaltningen']);
    expect(city.body.coverage.departments).toBeGreaterThan(1);

    const manager = await web.ctx.as([{ role: 'management', departmentId: web.departmentId('Kulturförvaltningen') }]);
    const own = await manager.api('GET', '/api/v1/overview');
    expect(own.status).toBe(200);
    expect(own.body.coverage.rows.map((r: { name: string }) => r.name)).toEqual(['Kulturförvaltningen']);
    expect((own.body.rounds as Array<{ year: number; overdue: Array<{ ownerName: string }> }>).find((r) => r.year === 2075)!.overdue.map((o) => o.ownerName)).toEqual(['Kulturförvaltningen']);

    for (const refused of [await web.ctx.as([{ role: 'admin' }]), await web.ctx.as('nobody')]) expect((await refused.api('GET', '/api/v1/overview')).status).toBe(403);
  });

  it.each([
    ['strategist', DEMO_USER.strategist, 'Stadsöversikt'],
    ['coordinator', DEMO_USER.coordinator, 'Översikt för dina förvaltningar'],
    ['management', DEMO_USER.management, 'Översikt för dina förvaltningar'],
  ])('the page for a %s: linked from the start page, tables first, accessible', async (_role, email, heading) => {
    await web.signIn(email);
    await web.open('/');
    await Promise.all([page.waitForURL(/\/oversikt$/), page.locator('a.samverka-city-overview-link').click()]);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(heading);
    const rows = page.locator('table.samverka-overview-overdue tbody tr').filter({ hasText: 'Förskoleförvaltningen' });
    await expect(rows.count()).resolves.toBeGreaterThan(0);
    await expect(page.locator('table.samverka-overview-coverage-table tbody tr').count()).resolves.toBeGreaterThan(0);
    await expect(page.locator('svg.samverka-coverage-chart').getAttribute('aria-label')).resolves.toContain('Samordnartäckning');
    await web.expectAccessible();
  });

  it('refuses the page to a committee secretary', async () => {
    await web.signIn(DEMO_USER.secretary);
    const response = await web.open('/oversikt');
    expect(response.status()).toBe(403);
    await expect(page.locator('a.samverka-city-overview-link').count()).resolves.toBe(0);
  });
});
