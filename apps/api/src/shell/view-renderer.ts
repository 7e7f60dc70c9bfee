import { Injectable } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import Handlebars from 'handlebars';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { departmentPath } from './format';
import { Viewer, ViewerService } from './viewer';
import { WebAssets } from './web-assets';

/** apps/api/src (dist/apps/api/src in a build): every feature folder's pages/ and partials/ are found under it. */
const SOURCE_ROOT = join(__dirname, '..');
const LAYOUT = join(__dirname, 'layouts', 'main.hbs');

/** Which part of the service a page belongs to: the navigation marks it. */
export type Section = 'start' | 'departments' | 'rounds' | null;

/** What every page gives the layout. */
export interface PageModel {
  /** The page's own title; the layout appends " – Samverka" (and prefixes "Fel: " when hasErrors). */
  title: string;
  section: Section;
  /** The page is exactly the section's landing page (aria-current="page" rather than "true"). */
  sectionHome?: boolean;
  hasErrors?: boolean;
}

export interface NavItem {
  text: string;
  href: string;
  current: boolean;
  active: boolean;
}

/** The layout's view of who is signed in: their name and the sign-out form's token. */
interface AccountView {
  name: string;
  csrfToken: string;
}

export const SIGN_OUT_PATH = '/logga-ut';
/** The admin's list of emails. */
export const NOTIFICATIONS_PATH = '/admin/utskick';
/** The admin's users (logins and roles). */
export const USERS_PATH = '/admin/anvandare';
/** The plan rounds (planomgångar) the user may read. */
export const ROUNDS_PATH = '/planomgangar';

/**
 * The navigation shows only what the user may reach: Förvaltningar for
 * admins and strategists; a coordinator or manager gets their own
 * department(s) instead. Planomgångar for everyone signed in (the list shows
 * the rounds they may read). Användare, Utskick and the API documentation for admins
 * only. Nobody signed in: no navigation.
 */
export function navigationFor(viewer: Viewer | null, model: Pick<PageModel, 'section' | 'sectionHome'>, path: string): NavItem[] {
  if (!viewer) return [];
  const bySection = (text: string, href: string, section: Section): NavItem => {
    const inSection = section !== null && section === model.section;
    return { text, href, current: inSection && model.sectionHome === true, active: inSection && model.sectionHome !== true };
  };
  const byPath = (text: string, href: string): NavItem => ({ text, href, current: path === href, active: path.startsWith(`${href}/`) });
  return [
    bySection('Start', '/', 'start'),
    ...(viewer.seesAllDepartments ? [bySection('Förvaltningar', '/forvaltningar', 'departments')] : viewer.departments.map((d) => byPath(d.name, departmentPath(d.id)))),
    bySection('Planomgångar', ROUNDS_PATH, 'rounds'),
    // The API documentation is for the people who connect systems: admins.
    ...(viewer.principal.admin ? [byPath('Användare', USERS_PATH), byPath('Utskick', NOTIFICATIONS_PATH), bySection('API-dokumentation', '/api/docs', null)] : []),
  ];
}

/**
 * The templates under `root` that sit directly in a folder named `kind`
 * (`pages` or `partials`), by file name without `.hbs`. A name is one page or
 * one partial application-wide: a second file of the same name fails the
 * start rather than silently shadowing the first.
 */
export function findTemplates(root: string, kind: 'pages' | 'partials'): Map<string, string> {
  const found = new Map<string, string>();
  const files = readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.hbs') && basename(dirname(file)) === kind)
    .sort();
  for (const file of files) {
    const name = basename(file, '.hbs');
    const path = join(root, file);
    const other = found.get(name);
    if (other) throw new Error(`Two ${kind} named ${name}: ${relative(root, other)} and ${file}`);
    found.set(name, path);
  }
  return found;
}

function compileAll(hbs: typeof Handlebars, files: Map<string, string>): Map<string, Handlebars.TemplateDelegate> {
  const templates = new Map<string, Handlebars.TemplateDelegate>();
  for (const [name, file] of files) {
    templates.set(name, hbs.compile(readFileSync(file, 'utf8').trimEnd(), { strict: false, preventIndent: true }));
  }
  return templates;
}

/** Where whitespace is content: a textarea's value and preformatted text keep every space. */
const WHITESPACE_KEPT = /(<textarea\b[\s\S]*?<\/textarea>|<pre\b[\s\S]*?<\/pre>)/i;

/**
 * The page without the spaces a template's indentation leaves at the end of
 * lines (around a false `{{#if}}`), which html-validate's recommended rules
 * refuse; a textarea's and a <pre>'s own text stay as they are.
 */
export function withoutTrailingWhitespace(html: string): string {
  return html
    .split(WHITESPACE_KEPT)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/[ \t]+$/gm, '')))
    .join('');
}

/**
 * Handlebars views, compiled once at boot with a private Handlebars
 * instance: one layout (shell/layouts), the partials (every `partials/`
 * folder: the shell's and a feature's own) and the pages (every feature's
 * `pages/` folder, e.g. rounds/pages/round.hbs is the page `round`).
 * Templates only print what a presenter prepared: no helpers. Besides the
 * page's model, every page template sees `csrfToken` (the signed-in user's
 * form token, printed by the `csrf` partial as `@root.csrfToken`).
 */
@Injectable()
export class ViewRenderer {
  private readonly hbs = Handlebars.create();
  private readonly layout: Handlebars.TemplateDelegate;
  private readonly pages: Map<string, Handlebars.TemplateDelegate>;

  constructor(
    private readonly assets: WebAssets,
    private readonly viewers: ViewerService,
  ) {
    for (const [name, template] of compileAll(this.hbs, findTemplates(SOURCE_ROOT, 'partials'))) this.hbs.registerPartial(name, template);
    this.pages = compileAll(this.hbs, findTemplates(SOURCE_ROOT, 'pages'));
    this.layout = this.hbs.compile(readFileSync(LAYOUT, 'utf8'), { strict: false });
  }

  /** The page in the layout, for `viewer` (null: nobody signed in) at `path` (the request's path, for the navigation). */
  render(page: string, model: PageModel, viewer: Viewer | null = null, path = '/'): string {
    const template = this.pages.get(page);
    if (!template) throw new Error(`No page template ${page}.hbs in a pages/ folder`);
    const content = template({ ...model, csrfToken: viewer?.csrfToken ?? '' });
    const account: AccountView | null = viewer ? { name: viewer.name, csrfToken: viewer.csrfToken } : null;
    return withoutTrailingWhitespace(this.layout({
      title: `${model.hasErrors ? 'Fel: ' : ''}${model.title} – Samverka`,
      stylesheetUrl: this.assets.stylesheetUrl,
      navigation: navigationFor(viewer, model, path),
      account,
      signOutAction: SIGN_OUT_PATH,
      content: new this.hbs.SafeString(content),
    }));
  }

  /** Renders the page as the reply, HTML, not cached (pages show live data and the user's own form token). */
  async send(reply: FastifyReply, page: string, model: PageModel, status = 200): Promise<void> {
    const request = reply.request;
    const viewer = await this.viewers.of(request);
    const path = (request.url ?? '/').split('?')[0];
    void reply
      .status(status)
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(this.render(page, model, viewer, path));
  }
}
