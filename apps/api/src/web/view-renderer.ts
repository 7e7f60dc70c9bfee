import { Injectable } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import Handlebars from 'handlebars';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { WebAssets } from './web-assets';

const VIEWS = join(__dirname, 'views');

/** Which part of the service a page belongs to: the navigation marks it. */
export type Section = 'start' | 'departments' | null;

/** What every page gives the layout. */
export interface PageModel {
  /** The page's own title; the layout appends " – Samverka" (and prefixes "Fel: " when hasErrors). */
  title: string;
  section: Section;
  /** The page is exactly the section's landing page (aria-current="page" rather than "true"). */
  sectionHome?: boolean;
  hasErrors?: boolean;
}

interface NavItem {
  text: string;
  href: string;
  current: boolean;
  active: boolean;
}

const NAVIGATION: ReadonlyArray<{ text: string; href: string; section: Section }> = [
  { text: 'Start', href: '/', section: 'start' },
  { text: 'Förvaltningar', href: '/forvaltningar', section: 'departments' },
  { text: 'API-dokumentation', href: '/api/docs', section: null },
];

function compileDir(hbs: typeof Handlebars, dir: string): Map<string, Handlebars.TemplateDelegate> {
  const templates = new Map<string, Handlebars.TemplateDelegate>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.hbs'))) {
    templates.set(basename(file, '.hbs'), hbs.compile(readFileSync(join(dir, file), 'utf8').trimEnd(), { strict: false, preventIndent: true }));
  }
  return templates;
}

/**
 * Handlebars views, compiled once at boot with a private Handlebars
 * instance: one layout, partials (views/partials) and pages (views/pages).
 * Templates only print what a presenter prepared: no helpers.
 */
@Injectable()
export class ViewRenderer {
  private readonly hbs = Handlebars.create();
  private readonly layout: Handlebars.TemplateDelegate;
  private readonly pages: Map<string, Handlebars.TemplateDelegate>;

  constructor(private readonly assets: WebAssets) {
    for (const [name, template] of compileDir(this.hbs, join(VIEWS, 'partials'))) this.hbs.registerPartial(name, template);
    this.pages = compileDir(this.hbs, join(VIEWS, 'pages'));
    this.layout = this.hbs.compile(readFileSync(join(VIEWS, 'layouts', 'main.hbs'), 'utf8'), { strict: false });
  }

  render(page: string, model: PageModel): string {
    const template = this.pages.get(page);
    if (!template) throw new Error(`No view pages/${page}.hbs`);
    const content = template(model);
    const navigation: NavItem[] = NAVIGATION.map((item) => {
      const inSection = item.section !== null && item.section === model.section;
      return { text: item.text, href: item.href, current: inSection && model.sectionHome === true, active: inSection && model.sectionHome !== true };
    });
    return this.layout({
      title: `${model.hasErrors ? 'Fel: ' : ''}${model.title} – Samverka`,
      stylesheetUrl: this.assets.stylesheetUrl,
      navigation,
      content: new this.hbs.SafeString(content),
    });
  }

  /** Renders the page as the reply, HTML, not cached (pages show live data). */
  send(reply: FastifyReply, page: string, model: PageModel, status = 200): FastifyReply {
    return reply
      .status(status)
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(this.render(page, model));
  }
}
