/**
 * What the form harness knows of the web UI, found in the running app: the POST routes outside /api
 * (from Fastify's route table), the forms the pages render (their fields and values), and the ids
 * the pages link to. A form added later is found the same way.
 */

export interface Route {
  path: string;
  methods: string[];
}

/** The routes of Fastify's `printRoutes({ commonPrefix: false })` tree: each line's segment appended to its ancestors'. */
export function routesOf(tree: string): Route[] {
  const routes: Route[] = [];
  const stack: string[] = [];
  for (const line of tree.split('\n')) {
    const at = line.indexOf('── ');
    if (at < 0) continue;
    const depth = (at - 1) / 4; // "│   " per level, then "├── "
    const rest = line.slice(at + 3);
    const match = /^(.*?)(?: \(([A-Z, ]+)\))?$/.exec(rest);
    if (!match) continue;
    stack.length = depth;
    stack[depth] = match[1];
    if (match[2]) routes.push({ path: stack.join(''), methods: match[2].split(',').map((m) => m.trim()) });
  }
  return routes;
}

/** The web forms: POST routes that are not the API's. */
export function formRoutes(routes: Route[]): string[] {
  return routes.filter((r) => r.methods.includes('POST') && !r.path.startsWith('/api/')).map((r) => r.path);
}

/** `/planomgangar/:id/steg` → a matcher giving `{ id }`. */
export function routeMatcher(template: string): (path: string) => Record<string, string> | null {
  const names: string[] = [];
  const source = template.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:([A-Za-z]+)/g, (_m, name: string) => {
    names.push(name);
    return '([^/?#]+)';
  });
  const re = new RegExp(`^${source}$`);
  return (path) => {
    const m = re.exec(path);
    return m ? Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(m[i + 1])])) : null;
  };
}

export interface FormField {
  name: string;
  type: string;
  /** values the page offers (value attributes, options); may be empty */
  values: string[];
}

export interface PageForm {
  action: string;
  fields: FormField[];
}

const decode = (s: string) =>
  s.replace(/&(amp|lt|gt|quot|#39|#x27|#x2F|#x3D|#x60|#(\d+));/g, (whole, name: string, dec?: string) =>
    dec ? String.fromCodePoint(Number(dec)) : ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'", '#x2F': '/', '#x3D': '=', '#x60': '`' } as Record<string, string>)[name] ?? whole,
  );

const attr = (attrs: string, name: string): string | undefined => {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(attrs);
  return m ? decode(m[1]) : undefined;
};

/** The POST forms of a page, with their fields (hidden _csrf included). */
export function formsOf(html: string): PageForm[] {
  const forms: PageForm[] = [];
  for (const m of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)) {
    if ((attr(m[1], 'method') ?? 'get').toLowerCase() !== 'post') continue;
    const fields = new Map<string, FormField>();
    for (const f of m[2].matchAll(/<(input|select|textarea)\b([^>]*)>([\s\S]*?<\/select>)?/g)) {
      const name = attr(f[2], 'name');
      if (!name) continue;
      const type = f[1] === 'input' ? (attr(f[2], 'type') ?? 'text') : f[1];
      const field = fields.get(name) ?? { name, type, values: [] };
      const value = attr(f[2], 'value');
      if (value !== undefined && value !== '') field.values.push(value);
      for (const o of (f[3] ?? '').matchAll(/<option\b([^>]*)>/g)) {
        const v = attr(o[1], 'value');
        if (v) field.values.push(v);
      }
      fields.set(name, field);
    }
    forms.push({ action: decode(attr(m[1], 'action') ?? ''), fields: [...fields.values()] });
  }
  return forms;
}

/** Same-site addresses a page links to or posts to (no assets, no API). */
export function linksOf(html: string): string[] {
  const out = new Set<string>();
  for (const m of html.matchAll(/\s(?:href|action)="([^"]*)"/g)) {
    const url = decode(m[1]);
    if (!url.startsWith('/') || url.startsWith('//') || url.startsWith('/api/') || url.startsWith('/assets/')) continue;
    out.add(url.split('#')[0]);
  }
  return [...out];
}

/** A client with a cookie jar, speaking HTML and forms. */
export class WebClient {
  readonly cookies = new Map<string, string>();

  constructor(private readonly baseUrl: string) {}

  async request(method: string, path: string, body?: string, headers: Record<string, string> = {}): Promise<{ status: number; text: string; headers: Headers }> {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await fetch(this.baseUrl + path, {
      method,
      body,
      redirect: 'manual',
      headers: { accept: 'text/html', ...(body !== undefined ? { 'content-type': 'application/x-www-form-urlencoded' } : {}), ...(cookie ? { cookie } : {}), ...headers },
    });
    for (const set of res.headers.getSetCookie()) {
      const [pair, ...options] = set.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = options.some((o) => /^\s*max-age=0\s*$/i.test(o) || (/^\s*expires=/i.test(o) && Date.parse(o.split('=')[1]) < Date.now()));
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return { status: res.status, text: await res.text(), headers: res.headers };
  }

  /** Signs in through the sign-in form (its login CSRF token from the page); fails unless it succeeds. */
  async signIn(email: string, password: string): Promise<void> {
    this.cookies.clear();
    const page = await this.request('GET', '/logga-in');
    const form = formsOf(page.text).find((f) => f.action.startsWith('/logga-in'));
    const csrf = form?.fields.find((f) => f.name === '_csrf')?.values[0];
    if (!csrf) throw new Error('The sign-in page has no form with a _csrf field');
    const res = await this.request('POST', form!.action, new URLSearchParams({ _csrf: csrf, email, password }).toString());
    if (res.status !== 303) throw new Error(`Signing in ${email} answered ${res.status}, not 303`);
  }
}
