import { Inject, Injectable } from '@nestjs/common';
import { SAMVERKA_CONFIG, SamverkaConfig } from '@samverka/config';
import { formatSwedishDate, isLocalDate, lowerFirst } from '@samverka/kernel';
import Handlebars from 'handlebars';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { KIND_SETTINGS, NOTIFICATION_KINDS, NotificationKind } from './notification-kinds';
import { calendarAttachment, organizerOf } from './calendar';
import { firstNameOf } from './recipient';

export interface RenderedMail {
  subject: string;
  html: string;
  text: string;
  attachments: Array<{ filename: string; content: string; contentType: string }>;
}

export interface RenderInput {
  id: string;
  kind: string;
  recipientName: string;
  data: Record<string, unknown>;
}

type Template = Handlebars.TemplateDelegate;

export { lowerFirst };

const TEMPLATES_DIR = join(__dirname, 'templates');

/**
 * Swedish emails from Handlebars templates in `templates/` (shipped as build
 * assets): for each kind `<kind>.subject.hbs`, `<kind>.html.hbs` and
 * `<kind>.text.hbs`, inside the shared layouts, with the partials. Compiled once,
 * in strict mode: a missing field is an error, never an empty gap.
 */
@Injectable()
export class NotificationRenderer {
  private readonly hbs = Handlebars.create();
  private readonly layouts: { html: Template; text: Template };
  private readonly kinds = new Map<string, { subject: Template; html: Template; text: Template }>();

  constructor(@Inject(SAMVERKA_CONFIG) private readonly config: SamverkaConfig) {
    const read = (name: string) => readFileSync(join(TEMPLATES_DIR, name), 'utf8');
    // HTML templates escape their data; subjects and plain text must not (an "&" stays "&").
    const compile = (source: string) => this.hbs.compile(source, { strict: true });
    const compileText = (source: string) => this.hbs.compile(source, { strict: true, noEscape: true });
    this.hbs.registerHelper('datum', (value: unknown) => (typeof value === 'string' && isLocalDate(value) ? formatSwedishDate(value) : String(value)));
    this.hbs.registerHelper('eq', (a: unknown, b: unknown) => a === b);
    // A label inside a sentence: "i fasen behovsinsamling" (the vocabularies capitalise their labels for lists and headings).
    this.hbs.registerHelper('gemen', (value: unknown) => lowerFirst(String(value)));
    for (const file of readdirSync(join(TEMPLATES_DIR, 'partials'))) {
      this.hbs.registerPartial(file.replace(/\.hbs$/, ''), read(join('partials', file)));
    }
    this.layouts = { html: compile(read('layout.html.hbs')), text: compileText(read('layout.text.hbs')) };
    for (const kind of NOTIFICATION_KINDS) {
      this.kinds.set(kind, {
        subject: compileText(read(`${kind}.subject.hbs`)),
        html: compile(read(`${kind}.html.hbs`)),
        text: compileText(read(`${kind}.text.hbs`)),
      });
    }
  }

  render(input: RenderInput): RenderedMail {
    const templates = this.kinds.get(input.kind);
    if (!templates) throw new Error(`No templates for the notification kind ${input.kind}`);
    const context = { ...input.data, recipientName: input.recipientName, recipientFirstName: firstNameOf(input.recipientName), serviceUrl: this.config.app.publicUrl };
    const subject = templates.subject(context).replace(/\s+/g, ' ').trim();
    const html = this.layouts.html({ ...context, subject, body: templates.html(context) });
    const text = this.layouts.text({ ...context, subject, body: templates.text(context) });
    const settings = KIND_SETTINGS[input.kind as NotificationKind];
    const event = settings.calendar?.(input.data as never);
    const attachments = event ? [calendarAttachment(input.id, event, { organizer: organizerOf(this.config.mail.from) })] : [];
    return { subject, html, text, attachments };
  }
}
