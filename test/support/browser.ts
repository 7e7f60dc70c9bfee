import { readFileSync } from 'node:fs';
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
