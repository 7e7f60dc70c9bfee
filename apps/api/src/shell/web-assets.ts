import { Injectable, Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The built stylesheet, next to the compiled code (`npm run build:css` writes it). */
const BUILT_CSS = join(__dirname, 'public', 'samverka.css');
/** The source, when running from TypeScript (jest, ts-node): compiled once at boot. */
const SCSS_SOURCE = join(__dirname, 'styles', 'samverka.scss');

export const STYLESHEET_PATH = '/assets/samverka.css';

/**
 * The UI's one stylesheet, held in memory. In a build it is read from
 * dist/…/shell/public/samverka.css; from sources it is compiled with `sass`
 * (a devDependency, so only required then).
 */
@Injectable()
export class WebAssets {
  private readonly logger = new Logger('WebAssets');
  readonly css: Buffer;
  /** Content hash: the stylesheet URL carries it, so the file can be cached for good. */
  readonly version: string;

  constructor() {
    this.css = WebAssets.loadStylesheet(this.logger);
    this.version = createHash('sha256').update(this.css).digest('hex').slice(0, 12);
  }

  get stylesheetUrl(): string {
    return `${STYLESHEET_PATH}?v=${this.version}`;
  }

  get etag(): string {
    return `"${this.version}"`;
  }

  private static loadStylesheet(logger: Logger): Buffer {
    if (existsSync(BUILT_CSS)) return readFileSync(BUILT_CSS);
    if (!existsSync(SCSS_SOURCE)) {
      throw new Error(`No stylesheet: neither ${BUILT_CSS} (run npm run build:css) nor ${SCSS_SOURCE} exists`);
    }
    const started = Date.now();
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const sass = require('sass') as typeof import('sass');
    const result = sass.compile(SCSS_SOURCE, {
      style: 'compressed',
      loadPaths: [resolve(__dirname, '../../../../node_modules')],
      quietDeps: true,
      sourceMap: false,
    });
    logger.log(`Compiled ${SCSS_SOURCE} in ${Date.now() - started} ms`);
    return Buffer.from(result.css, 'utf8');
  }
}
