/** One answer as a client saw it; `status` 0: no answer within the client's limit (a hang) or no connection. */
export interface Answer {
  status: number;
  body: any;
  retryAfter: string | null;
  etag: string | null;
  ms: number;
  error?: string;
}

/**
 * A JSON request as an API client makes it, giving up after `timeoutMs` (an answer that takes longer
 * is a hang, and the test fails on it rather than wait).
 */
export async function call(
  baseUrl: string,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; headers?: Record<string, string>; timeoutMs?: number } = {},
): Promise<Answer> {
  const started = Date.now();
  try {
    const res = await fetch(baseUrl + path, {
      method,
      redirect: 'manual',
      signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
      headers: {
        accept: 'application/json',
        ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...options.headers,
      },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    const text = await res.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      // not JSON: kept as text
    }
    return { status: res.status, body, retryAfter: res.headers.get('retry-after'), etag: res.headers.get('etag'), ms: Date.now() - started };
  } catch (e) {
    return { status: 0, body: null, retryAfter: null, etag: null, ms: Date.now() - started, error: (e as Error)?.message ?? String(e) };
  }
}

/** Signs in with e-mail and password (POST /api/v1/auth/token) and returns the access token. */
export async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const res = await call(baseUrl, 'POST', '/api/v1/auth/token', { body: { email, password } });
  if (res.status !== 200) throw new Error(`sign-in of ${email}: ${res.status} ${JSON.stringify(res.body)}`);
  return (res.body as { accessToken: string }).accessToken;
}
