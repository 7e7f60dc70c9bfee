import { Inject, Injectable, Logger } from '@nestjs/common';
import { OidcConfig, SAMVERKA_CONFIG, SamverkaConfig } from '@samverka/config';
import { Clock } from '@samverka/kernel';
// openid-client is published as an ES module only. Node (>= 20.19) require()s it natively, and Jest
// transpiles it (jest.config.js, esmOnly); the type import needs resolution-mode under "module": "node16".
import type * as OpenIdClient from 'openid-client' with { 'resolution-mode': 'import' };
import { IdentityError, IdentityErrorCode } from '../identity.exception';
import { OidcLoginRepository } from '../repositories/oidc-login.repository';
import { NewSession, SessionMeta } from './session.service';
import { SignInService } from './sign-in.service';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const client = require('openid-client') as typeof OpenIdClient;

/** How long a sign-in started at the identity provider may take. */
const LOGIN_TTL_MS = 10 * 60_000;
/** How long the provider's discovered metadata is used before it is fetched again. */
const DISCOVERY_TTL_MS = 60 * 60_000;
/** Seconds to wait for the identity provider on any one request. */
const PROVIDER_TIMEOUT_SECONDS = 10;

export interface CompletedSignIn {
  session: NewSession;
  /** The local path the sign-in started from. */
  returnTo: string;
}

const ssoFailed = (message: string) => new IdentityError(IdentityErrorCode.SSO_FAILED, message);

const TRY_AGAIN = 'Försök logga in igen.';

/**
 * Single sign-on with the municipality's identity provider: OpenID Connect,
 * authorisation code flow with PKCE (S256), state and nonce. A started
 * sign-in is kept in `oidc_login` (10 minutes, used once); the callback
 * exchanges the code, requires a verified e-mail address and signs in the
 * user with that address.
 */
@Injectable()
export class OidcService {
  private readonly logger = new Logger('Sso');
  private discovered?: { at: number; configuration: Promise<OpenIdClient.Configuration> };

  constructor(
    private readonly logins: OidcLoginRepository,
    private readonly signIn: SignInService,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(SAMVERKA_CONFIG) private readonly config: SamverkaConfig,
  ) {}

  isEnabled(): boolean {
    return this.config.identity.oidc !== undefined;
  }

  /**
   * Starts a sign-in: remembers state, PKCE verifier and nonce, and returns
   * the identity provider's authorisation URL to send the browser to.
   * `returnTo` must be a local path (the caller checks it).
   */
  async start(returnTo: string): Promise<URL> {
    const oidc = this.oidcConfig();
    const configuration = await this.configuration();
    const codeVerifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const now = this.clock.now();
    await this.logins.deleteExpired(now);
    await this.logins.insert({ state, codeVerifier, nonce, returnTo, expiresAt: new Date(now.getTime() + LOGIN_TTL_MS) });
    return client.buildAuthorizationUrl(configuration, {
      redirect_uri: oidc.redirectUri,
      scope: oidc.scopes,
      response_type: 'code',
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
  }

  /**
   * Completes a sign-in from the identity provider's redirect (only its query
   * matters: the redirect URI is the configured one). The sign-in under way
   * is consumed whatever happens, so a callback URL works once.
   */
  async complete(callbackUrl: URL, meta: SessionMeta & { ip: string }): Promise<CompletedSignIn> {
    const oidc = this.oidcConfig();
    const params = callbackUrl.searchParams;
    const state = params.get('state');
    const login = state ? await this.logins.take(state, this.clock.now()) : null;

    const error = params.get('error');
    if (error !== null) {
      this.logger.warn({ error, description: params.get('error_description')?.slice(0, 300) }, 'The identity provider refused the sign-in');
      if (error === 'access_denied') throw ssoFailed(`Inloggningen avbröts hos identitetsleverantören. ${TRY_AGAIN}`);
      const code = /^[A-Za-z0-9_.-]{1,64}$/.test(error) ? ` (felkod ${error})` : '';
      throw ssoFailed(`Identitetsleverantören kunde inte logga in dig${code}. ${TRY_AGAIN} Kontakta administratören om felet kvarstår.`);
    }
    if (!login) throw ssoFailed(`Inloggningen har gått ut eller har redan använts. ${TRY_AGAIN}`);

    const configuration = await this.configuration();
    const currentUrl = new URL(oidc.redirectUri);
    currentUrl.search = callbackUrl.search;
    let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
    try {
      tokens = await client.authorizationCodeGrant(configuration, currentUrl, {
        pkceCodeVerifier: login.codeVerifier,
        expectedState: login.state,
        expectedNonce: login.nonce,
        idTokenExpected: true,
      });
    } catch (err) {
      this.logger.warn({ err }, `The authorisation code could not be exchanged: ${(err as Error)?.message}`);
      throw ssoFailed(`Inloggningen via identitetsleverantören kunde inte slutföras. ${TRY_AGAIN}`);
    }

    const email = await this.verifiedEmail(configuration, tokens);
    const session = await this.signIn.signInVerifiedEmail(email, meta);
    return { session, returnTo: login.returnTo };
  }

  /** The e-mail address the provider vouches for: from the ID token, else (no `email_verified` there) from userinfo. */
  private async verifiedEmail(
    configuration: OpenIdClient.Configuration,
    tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>,
  ): Promise<string> {
    const claims = tokens.claims();
    if (!claims) throw ssoFailed(`Identitetsleverantören skickade ingen ID-token. ${TRY_AGAIN}`);
    let email: unknown = claims.email;
    let verified: unknown = claims.email_verified;
    if (typeof email !== 'string' || verified === undefined) {
      try {
        const info = await client.fetchUserInfo(configuration, tokens.access_token, claims.sub);
        if (typeof info.email === 'string') {
          email = info.email;
          verified = info.email_verified;
        }
      } catch (err) {
        this.logger.warn({ err }, `Userinfo could not be fetched: ${(err as Error)?.message}`);
        throw ssoFailed(`Uppgifterna om ditt konto kunde inte hämtas från identitetsleverantören. ${TRY_AGAIN}`);
      }
    }
    if (typeof email !== 'string' || email.trim() === '') {
      this.logger.warn({ sub: claims.sub }, 'The identity provider gave no e-mail address');
      throw ssoFailed('Identitetsleverantören lämnade ingen e-postadress, så du kan inte loggas in i Samverka. Kontakta administratören.');
    }
    if (verified !== true) {
      this.logger.warn({ sub: claims.sub, email }, 'The identity provider has not verified the e-mail address');
      throw ssoFailed(`Identitetsleverantören har inte bekräftat e-postadressen ${email}, så du kan inte loggas in i Samverka. Kontakta administratören.`);
    }
    return email.trim();
  }

  private oidcConfig(): OidcConfig {
    const oidc = this.config.identity.oidc;
    if (!oidc) throw ssoFailed('Inloggning med organisationens konto är inte aktiverad.');
    return oidc;
  }

  /** The provider's metadata (discovery), fetched once and kept an hour; a failed attempt is not kept. */
  private configuration(): Promise<OpenIdClient.Configuration> {
    const now = Date.now();
    if (!this.discovered || now - this.discovered.at > DISCOVERY_TTL_MS) {
      const configuration = this.discover(this.oidcConfig());
      this.discovered = { at: now, configuration };
      configuration.catch(() => {
        if (this.discovered?.configuration === configuration) this.discovered = undefined;
      });
    }
    return this.discovered.configuration;
  }

  private async discover(oidc: OidcConfig): Promise<OpenIdClient.Configuration> {
    const insecure = this.config.app.env !== 'production' && oidc.issuerUrl.startsWith('http://');
    try {
      const discovered = await client.discovery(new URL(oidc.issuerUrl), oidc.clientId, undefined, client.None(), {
        timeout: PROVIDER_TIMEOUT_SECONDS,
        execute: insecure ? [client.allowInsecureRequests] : [],
      });
      const metadata = discovered.serverMetadata();
      const configuration = new client.Configuration(metadata, oidc.clientId, oidc.clientSecret, this.clientAuthentication(oidc, metadata));
      configuration.timeout = PROVIDER_TIMEOUT_SECONDS;
      if (insecure) client.allowInsecureRequests(configuration);
      if (!configuration.serverMetadata().supportsPKCE('S256')) {
        this.logger.warn(`${oidc.issuerUrl} does not announce PKCE with S256; sending it anyway`);
      }
      return configuration;
    } catch (err) {
      this.logger.error({ err }, `Discovery of ${oidc.issuerUrl} failed: ${(err as Error)?.message}`);
      throw ssoFailed('Det går inte att nå identitetsleverantören just nu. Försök igen om en stund.');
    }
  }

  /** A confidential client authenticates as the provider prefers (client_secret_basic unless only _post is offered); a public one relies on PKCE. */
  private clientAuthentication(oidc: OidcConfig, metadata: OpenIdClient.ServerMetadata): OpenIdClient.ClientAuth {
    if (!oidc.clientSecret) return client.None();
    const supported = metadata.token_endpoint_auth_methods_supported ?? ['client_secret_basic'];
    return !supported.includes('client_secret_basic') && supported.includes('client_secret_post')
      ? client.ClientSecretPost(oidc.clientSecret)
      : client.ClientSecretBasic(oidc.clientSecret);
  }
}
