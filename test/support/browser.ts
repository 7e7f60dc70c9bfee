import { readFileSync } from 'node:fs';
import { HtmlValidate } from 'html-validate';
import { Browser, chromium, Page, Response } from 'playwright-core';

/** Debian's Chromium (apt package `chromium`); playwright-core downloads no browser of its own. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** A headless Chromium with nothing running in the background that could make tests flaky or slow. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

const AXE_PATH = require.resolve('axe-core/axe.min.js');
let axeSource: string | undefined;
const WCAG_AA_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

type AxeRun = (
  context: unknown,
  options: unknown,
) => Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[] }> }> }>;

/** The page's window as these functions use it (the test tsconfig has no DOM types: the code runs in the browser). */
interface AxeWindow {
  axe?: { run: AxeRun };
  document: unknown;
  setTimeout: (fn: unknown, ms?: number, ...args: unknown[]) => unknown;
}

/**
 * Runs axe-core (WCAG 2.1 A and AA rules) on the page and returns the serious
 * and critical violations.
 *
 * In a context with JavaScript disabled the page runs no script of its own:
 * the <script> that addScriptTag adds does not execute, and timers,
 * queueMicrotask and MutationObserver callbacks never run, while Playwright's
 * evaluation and its promise jobs still work. So axe's source is then
 * evaluated directly, and for the run setTimeout(fn, 0), which axe uses only
 * to yield between rules, becomes a promise job.
 */
export async function checkAccessibility(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: AXE_PATH });
  const scriptsDisabled = !(await page.evaluate(() => (globalThis as unknown as AxeWindow).axe !== undefined));
  if (scriptsDisabled) {
    axeSource ??= readFileSync(AXE_PATH, 'utf8');
    await page.evaluate(axeSource);
  }
  const violations = await page.evaluate(
    async ({ tags, yieldAsMicrotask }) => {
      const w = globalThis as unknown as AxeWindow;
      const realSetTimeout = w.setTimeout;
      if (yieldAsMicrotask) {
        w.setTimeout = (fn: unknown, ms?: number, ...args: unknown[]) => {
          if (typeof fn === 'function' && (ms ?? 0) <= 1) void Promise.resolve().then(() => fn(...args));
          return 0; // longer timers are axe's own timeouts and cache expiry: never needed here
        };
      }
      try {
        const result = await w.axe!.run(w.document, { runOnly: { type: 'tag', values: tags } });
        return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.map(String).join(' ')) }));
      } finally {
        w.setTimeout = realSetTimeout;
      }
    },
    { tags: WCAG_AA_TAGS, yieldAsMicrotask: scriptsDisabled },
  );
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** "color-contrast (serious): .govuk-tag, …" lines, for an assertion message that says what to fix. */
export function describeViolations(violations: AxeViolation[]): string {
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.targets.join('\n    ')}`).join('\n');
}

/**
 * html-validate's recommended rules, as the issue asks of every page (one
 * instance: it caches its configuration), with two rules adjusted on purpose:
 * - `form-dup-name`: a group of checkboxes shares one name (the form posts a
 *   list), as radios do; the rule allows that for radios only by default.
 * - `long-title`: off. A page's title names the user's own record (a round's
 *   title, a department), which WCAG 2.4.2 asks for; the 70-character limit
 *   is search-engine advice for public pages, and these are behind sign-in.
 */
export const HTML_VALIDATE_CONFIG = {
  extends: ['html-validate:recommended'],
  rules: {
    'form-dup-name': ['error', { shared: ['radio', 'checkbox', 'button', 'reset', 'submit'] }],
    'long-title': 'off',
  },
} as const;
const htmlValidator = new HtmlValidate(HTML_VALIDATE_CONFIG as unknown as ConstructorParameters<typeof HtmlValidate>[0]);

export interface HtmlProblem {
  rule: string;
  message: string;
  line: number;
  column: number;
  /** The start of the offending line, to find it in the template. */
  source: string;
}

/** The html-validate (recommended) problems of a document's HTML source. */
export async function validateHtml(html: string): Promise<HtmlProblem[]> {
  const report = await htmlValidator.validateString(html);
  const lines = html.split('\n');
  return report.results.flatMap((r) =>
    r.messages.map((m) => ({ rule: m.ruleId, message: m.message, line: m.line, column: m.column, source: (lines[m.line - 1] ?? '').trim().slice(0, 160) })),
  );
}

/** A width at which the page scrolls sideways, and the elements reaching past the window's edge. */
export interface Overflow {
  width: number;
  scrollWidth: number;
  culprits: string[];
}

/** The widths every checked page must fit without scrolling sideways: a phone and a laptop. */
export const CHECKED_WIDTHS = [390, 1280] as const;

/** The widths (of `widths`) at which the page scrolls sideways: the document is wider than the window. */
export async function horizontalOverflow(page: Page, widths: readonly number[] = CHECKED_WIDTHS): Promise<Overflow[]> {
  const original = page.viewportSize();
  const overflowing: Overflow[] = [];
  try {
    for (const width of widths) {
      await page.setViewportSize({ width, height: original?.height ?? 800 });
      const measured = await page.evaluate(() => {
        interface El {
          tagName: string;
          id: string;
          className: unknown;
          children: ArrayLike<El>;
          getBoundingClientRect(): { right: number };
        }
        const doc = (globalThis as unknown as { document: { scrollingElement: El & { scrollWidth: number; clientWidth: number }; body: El } }).document;
        const root = doc.scrollingElement;
        // The outermost elements that reach past the window's right edge, to say what to fix.
        const culprits: string[] = [];
        const visit = (el: El) => {
          for (const child of Array.from(el.children)) {
            if (child.getBoundingClientRect().right > root.clientWidth + 0.5) {
              const grandchildren = Array.from(child.children).filter((c) => c.getBoundingClientRect().right > root.clientWidth + 0.5);
              if (grandchildren.length === 0 || culprits.length > 4) {
                const classes = typeof child.className === 'string' && child.className ? `.${child.className.trim().split(/\s+/).join('.')}` : '';
                culprits.push(`${child.tagName.toLowerCase()}${child.id ? `#${child.id}` : ''}${classes}`);
              } else visit(child);
            }
          }
        };
        if (root.scrollWidth > root.clientWidth) visit(doc.body);
        return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, culprits: culprits.slice(0, 5) };
      });
      if (measured.scrollWidth > measured.clientWidth) overflowing.push({ width, scrollWidth: measured.scrollWidth, culprits: measured.culprits });
    }
  } finally {
    if (original) await page.setViewportSize(original);
  }
  return overflowing;
}

/** The last document the page's main frame received (its HTML as the server sent it, before the browser's parser touched it). */
const documents = new WeakMap<Page, Response>();

/**
 * Remembers each document the page navigates to, so that `checkPage` validates
 * the HTML the server sent (also a page answering a POST, which cannot be
 * fetched again). Without it, `checkPage` validates the browser's serialisation.
 */
export function trackDocuments(page: Page): void {
  page.on('response', (response) => {
    if (response.request().isNavigationRequest() && response.frame() === page.mainFrame()) documents.set(page, response);
  });
}

async function documentSource(page: Page): Promise<string> {
  const response = documents.get(page);
  const withoutFragment = (url: string) => url.split('#')[0];
  if (response && withoutFragment(response.url()) === withoutFragment(page.url())) {
    const body = await response.text().catch(() => null);
    if (body !== null) return body;
  }
  return page.content();
}

export interface PageProblems {
  axe: AxeViolation[];
  html: HtmlProblem[];
  overflow: Overflow[];
}

/**
 * Everything the browser tests ask of a page: no serious or critical axe
 * violation (WCAG 2.1 A/AA), valid HTML (html-validate `recommended`) and no
 * sideways scrolling at 390 px and 1280 px.
 */
export async function checkPage(page: Page): Promise<PageProblems> {
  const html = await validateHtml(await documentSource(page));
  const overflow = await horizontalOverflow(page);
  const axe = await checkAccessibility(page);
  return { axe, html, overflow };
}

export const hasProblems = (p: PageProblems): boolean => p.axe.length + p.html.length + p.overflow.length > 0;

/** What `checkPage` found, one problem a line, for an assertion message that says what to fix. */
export function describeProblems(p: PageProblems): string {
  return [
    p.axe.length ? `accessibility (axe):\n${describeViolations(p.axe)}` : '',
    p.html.length ? `invalid HTML (html-validate):\n${p.html.map((h) => `${h.rule} at ${h.line}:${h.column}: ${h.message}\n    ${h.source}`).join('\n')}` : '',
    p.overflow.length ? `scrolls sideways:\n${p.overflow.map((o) => `at ${o.width} px the page is ${o.scrollWidth} px wide, past the edge: ${o.culprits.join(', ')}`).join('\n')}` : '',
  ]
    .filter(Boolean)
    .join('\n');
}

/** The sign-in form's fields and button, as a person finds them (by label and name). */
export async function fillSignInForm(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel('E-postadress').fill(email);
  await page.getByLabel('Lösenord').fill(password);
}

/**
 * Signs in through the real sign-in form at `baseUrl` + `path` (the sign-in
 * page, or a page that redirects there) and returns the response to the POST
 * (before its redirect); the page ends where the sign-in sends it.
 */
export async function signInThroughForm(page: Page, baseUrl: string, email: string, password: string, path = '/logga-in'): Promise<Response> {
  await page.goto(baseUrl + path);
  await fillSignInForm(page, email, password);
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/logga-in'),
    page.getByRole('button', { name: 'Logga in', exact: true }).click(),
  ]);
  await page.waitForLoadState();
  return response;
}
