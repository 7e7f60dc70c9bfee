import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';

/** An account at the test identity provider. */
export interface TestAccount {
  /** What one types as the login in the provider's development sign-in form (any password). */
  id: string;
  name: string;
  email?: string;
  emailVerified?: boolean;
  /** Leave email and email_verified out of the ID token: the client must ask the userinfo endpoint. */
  emailOnlyFromUserinfo?: boolean;
}

export interface TestIdentityProvider {
  /** http://127.0.0.1:<port> */
  issuer: string;
  clientId: string;
  clientSecret: string | undefined;
  /** The query of every authorisation request the provider received, in order. */
  authorizationRequests: URLSearchParams[];
  /** Why the provider refused token requests (`error_detail`, else `error_description`; e.g. "code_verifier does not match code_challenge"), in order. */
  grantErrors: string[];
  close(): Promise<void>;
}

interface KoaContext {
  path: string;
  method: string;
  querystring: string;
  oidc: {
    provider: { Grant: new (values: { clientId: string; accountId: string }) => Grant };
    client?: { clientId: string };
    session?: { accountId?: string };
  };
}
interface Grant {
  addOIDCScope(scope: string): void;
  save(): Promise<string>;
}
interface OidcProvider {
  on(event: 'grant.error', listener: (ctx: unknown, error: { error?: string; error_description?: string; error_detail?: string; message: string }) => void): void;
  use(middleware: (ctx: KoaContext, next: () => Promise<void>) => Promise<void>): void;
  callback(): (req: IncomingMessage, res: ServerResponse) => void;
}
type ProviderConstructor = new (issuer: string, configuration: Record<string, unknown>) => OidcProvider;

/**
 * `oidc-provider` (an OpenID Provider certified implementation, ES module only:
 * Node require()s it natively and Jest transpiles it, see esmOnly in
 * jest.config.js). Loaded on first use so only the tests that need it pay.
 */
function loadProvider(): ProviderConstructor {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require('oidc-provider') as { default: ProviderConstructor }).default;
}

/**
 * Runs `work` without the provider's warnings about its development-only
 * parts (in-memory adapter, devInteractions: exactly what a test wants) and
 * about Node 20 (it asks for 22+, and runs on 20.19+ all the same).
 */
function withoutDevelopmentWarnings<T>(work: () => T): T {
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    if (typeof args[0] === 'string' && args[0].includes('oidc-provider WARNING')) return;
    warn(...args);
  };
  try {
    return work();
  } finally {
    console.warn = warn;
  }
}

/**
 * A real OpenID Provider in the test process, on 127.0.0.1 and a free port:
 * one client (PKCE required; client_secret_basic when a secret is given,
 * else a public client), the given accounts, and the provider's development
 * interactions (a plain HTML sign-in form: login = account id, any
 * password). Consent is implied for the client.
 */
export async function startOidcProvider(options: {
  redirectUri: string;
  accounts: TestAccount[];
  clientId?: string;
  clientSecret?: string;
}): Promise<TestIdentityProvider> {
  const clientId = options.clientId ?? 'samverka';
  const accounts = new Map(options.accounts.map((a) => [a.id, a]));
  const authorizationRequests: URLSearchParams[] = [];
  const grantErrors: string[] = [];
  const signingKey = { ...generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' }), kid: 'test-key', use: 'sig', alg: 'RS256' };

  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const provider = withoutDevelopmentWarnings(() => new (loadProvider())(issuer, {
    clients: [
      {
        client_id: clientId,
        ...(options.clientSecret ? { client_secret: options.clientSecret, token_endpoint_auth_method: 'client_secret_basic' } : { token_endpoint_auth_method: 'none' }),
        redirect_uris: [options.redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    pkce: { required: () => true },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    // The requested claims in the ID token itself (the default puts them only in userinfo when an access token is issued).
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: true } },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    jwks: { keys: [signingKey] },
    findAccount: (_ctx: unknown, sub: string) => {
      const account = accounts.get(sub);
      if (!account) return undefined;
      return {
        accountId: sub,
        claims: (use: 'id_token' | 'userinfo') => ({
          sub,
          name: account.name,
          ...(use === 'id_token' && account.emailOnlyFromUserinfo
            ? {}
            : { ...(account.email !== undefined ? { email: account.email } : {}), ...(account.emailVerified !== undefined ? { email_verified: account.emailVerified } : {}) }),
        }),
      };
    },
    // No consent screen: the municipality's own provider trusts its own service.
    loadExistingGrant: async (ctx: KoaContext) => {
      const accountId = ctx.oidc.session?.accountId;
      if (!accountId || !ctx.oidc.client) return undefined;
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId });
      grant.addOIDCScope('openid email profile');
      await grant.save();
      return grant;
    },
    ttl: { AccessToken: 600, AuthorizationCode: 60, IdToken: 600, Interaction: 600, Grant: 600, Session: 3600 },
  }));
  provider.use(async (ctx, next) => {
    if (ctx.path === '/auth' && ctx.method === 'GET') authorizationRequests.push(new URLSearchParams(ctx.querystring));
    await next();
  });
  provider.on('grant.error', (_ctx, error) => grantErrors.push(error.error_detail ?? error.error_description ?? error.message));
  server.on('request', provider.callback());

  return {
    issuer,
    clientId,
    clientSecret: options.clientSecret,
    authorizationRequests,
    grantErrors,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
