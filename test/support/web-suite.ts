import { DEMO_PASSWORD, DemoUsersSeeder } from '@samverka/identity';
import { DemoCitySeeder, OrganisationRegistryService } from '@samverka/organisation';
import { Browser, BrowserContext, Page, Response } from 'playwright-core';
import { checkPage, describeProblems, hasProblems, launchBrowser, signInThroughForm, trackDocuments } from './browser';
import { e2eContext, E2eContext } from './e2e';
import { TEST_ACTOR } from './given';

export interface WebSuite {
  readonly ctx: E2eContext;
  readonly browser: Browser;
  /** A fresh browser context (JavaScript off, Swedish locale) per test. */
  readonly context: BrowserContext;
  readonly page: Page;
  /** The id of a demo department, by name. */
  departmentId(name: string): string;
  /** `/forvaltningar/<id>` of a demo department, by name. */
  departmentPath(name: string): string;
  /** Navigates and returns the response of the page. */
  open(path: string): Promise<Response>;
  /**
   * Fails with what `checkPage` finds on the current page: axe violations
   * (serious and critical, WCAG 2.1 A/AA), html-validate `recommended` problems
   * and sideways scrolling at 390 px or 1280 px.
   */
  expectAccessible(): Promise<void>;
  /** Signs in through the form as a demo user (DEMO_PASSWORD), after clearing the cookies; fails unless it succeeds. */
  signIn(email: string): Promise<void>;
}

/** The demo city's users (password DEMO_PASSWORD), one per role. */
export const DEMO_USER = {
  admin: 'sofia.berglund@malmo.example',
  strategist: 'erik.strand@malmo.example',
  /** Förskoleförvaltningen, by assignment. */
  coordinator: 'annika.asberg@malmo.example',
  /** Förskoleförvaltningen. */
  management: 'helena.ljung@malmo.example',
  /** Förskolenämnden. */
  secretary: 'oskar.dahl@malmo.example',
} as const;

/**
 * The hooks of a browser suite: the real app on the demo city (with its demo
 * users) and Debian's Chromium with JavaScript switched off. Call it at the
 * top of a `describe`; its hooks run before the ones the suite adds.
 */
export function webSuite(env: Record<string, string> = {}): WebSuite {
  let ctx: E2eContext;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const departmentIds = new Map<string, string>();

  beforeAll(async () => {
    [ctx, browser] = await Promise.all([e2eContext(env), launchBrowser()]);
    await ctx.app.get(DemoCitySeeder).seed(TEST_ACTOR);
    await ctx.app.get(DemoUsersSeeder).seed(TEST_ACTOR);
    for (const d of await ctx.app.get(OrganisationRegistryService).listDepartments()) departmentIds.set(d.name, d.id);
  });
  afterAll(async () => {
    await browser?.close();
    await ctx?.close();
  });
  beforeEach(async () => {
    context = await browser.newContext({ javaScriptEnabled: false, locale: 'sv-SE' });
    page = await context.newPage();
    trackDocuments(page);
  });
  afterEach(() => context?.close());

  return {
    get ctx() {
      return ctx;
    },
    get browser() {
      return browser;
    },
    get context() {
      return context;
    },
    get page() {
      return page;
    },
    departmentId(name) {
      const id = departmentIds.get(name);
      if (!id) throw new Error(`No department ${name}`);
      return id;
    },
    departmentPath(name) {
      return `/forvaltningar/${this.departmentId(name)}`;
    },
    async open(path) {
      const response = await page.goto(ctx.baseUrl + path);
      if (!response) throw new Error(`No response for ${path}`);
      return response;
    },
    async expectAccessible() {
      const problems = await checkPage(page);
      if (hasProblems(problems)) throw new Error(`${page.url()} has problems:\n${describeProblems(problems)}`);
    },
    async signIn(email) {
      await context.clearCookies();
      const response = await signInThroughForm(page, ctx.baseUrl, email, DEMO_PASSWORD);
      if (response.status() !== 303) throw new Error(`signing in ${email} answered ${response.status()}, not 303`);
    },
  };
}
