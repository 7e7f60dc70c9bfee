import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import { isIP } from 'node:net';
import { isAbsolute, resolve } from 'node:path';
import { EnvironmentVariables, SamverkaConfig } from './config.schema';

export class ConfigValidationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigValidationError';
  }
}

function describe(errors: ValidationError[]): string[] {
  return errors.flatMap((e) =>
    Object.values(e.constraints ?? {}).map((msg) => `${e.property}=${JSON.stringify(e.value)}: ${msg}`),
  );
}

/** An address (IPv4 or IPv6) or a CIDR range of one. */
function isAddressOrRange(entry: string): boolean {
  const [address, bits, ...rest] = entry.split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  if (bits === undefined) return true;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= (version === 4 ? 32 : 128);
}

/** TRUSTED_PROXIES as a list; the entries that are neither an address nor a CIDR range are reported. */
function trustedProxiesOf(value: string | undefined, problems: string[]): string[] {
  const entries = (value ?? '').split(',').map((e) => e.trim()).filter((e) => e.length > 0);
  for (const entry of entries.filter((e) => !isAddressOrRange(e))) {
    problems.push(`TRUSTED_PROXIES=${JSON.stringify(value)}: ${JSON.stringify(entry)} is neither an IP address nor a CIDR range`);
  }
  return entries;
}

/**
 * Reads and validates every setting at once. Throws ConfigValidationError
 * listing every bad variable, so a misconfigured deployment fails at boot
 * with the whole list rather than one problem at a time.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): SamverkaConfig {
  const vars = plainToInstance(EnvironmentVariables, { ...env }, { excludeExtraneousValues: false });
  const errors = validateSync(vars, { skipMissingProperties: false, whitelist: false });
  if (errors.length > 0) throw new ConfigValidationError(describe(errors));

  const envName = vars.NODE_ENV ?? 'development';
  const port = vars.PORT ?? 3000;
  const dataDir = vars.DATA_DIR ?? 'var';
  const problems: string[] = [];
  if (envName === 'production' && vars.SEED_DEMO_DATA === true) {
    problems.push('SEED_DEMO_DATA=true: demo data is never loaded in production');
  }
  const oidcVars = { OIDC_ISSUER_URL: vars.OIDC_ISSUER_URL, OIDC_CLIENT_ID: vars.OIDC_CLIENT_ID };
  const oidcSet = Object.values(oidcVars).filter(Boolean).length;
  if (oidcSet === 1) {
    for (const [name, value] of Object.entries(oidcVars)) if (!value) problems.push(`${name} is required when single sign-on is configured`);
  }
  const publicUrl = (vars.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/$/, '');
  if (envName === 'production' && oidcSet === 2 && !vars.OIDC_ISSUER_URL!.startsWith('https://')) {
    problems.push('OIDC_ISSUER_URL must use https in production');
  }
  const trustedProxies = trustedProxiesOf(vars.TRUSTED_PROXIES, problems);
  if ((vars.MAIL_RETRY_MAX_SECONDS ?? 1800) < (vars.MAIL_RETRY_BASE_SECONDS ?? 30)) {
    problems.push('MAIL_RETRY_MAX_SECONDS must be at least MAIL_RETRY_BASE_SECONDS (the longest wait between two attempts cannot be shorter than the first)');
  }
  if (problems.length > 0) throw new ConfigValidationError(problems);

  return {
    app: {
      env: envName,
      host: vars.HOST ?? '0.0.0.0',
      port,
      publicUrl,
      dataDir: isAbsolute(dataDir) ? dataDir : resolve(cwd, dataDir),
      logLevel: vars.LOG_LEVEL ?? (envName === 'test' ? 'silent' : 'info'),
      logFormat: vars.LOG_FORMAT ?? (envName === 'development' ? 'pretty' : 'json'),
      timeZone: 'Europe/Stockholm',
      seedDemoData: vars.SEED_DEMO_DATA ?? envName === 'development',
      trustedProxies,
    },
    database: {
      url: vars.DATABASE_URL,
      poolSize: vars.DATABASE_POOL_SIZE ?? 10,
      embeddedPort: vars.EMBEDDED_POSTGRES_PORT ?? 54329,
      connectTimeoutMs: vars.DATABASE_CONNECT_TIMEOUT_MS ?? 3000,
      statementTimeoutMs: vars.DATABASE_STATEMENT_TIMEOUT_MS ?? 5000,
      longStatementTimeoutMs: vars.DATABASE_LONG_STATEMENT_TIMEOUT_MS ?? 120_000,
      retryAfterSeconds: vars.DATABASE_RETRY_AFTER_SECONDS ?? 5,
    },
    mail: {
      smtpUrl: vars.SMTP_URL,
      from: vars.MAIL_FROM ?? 'Samverka <noreply@samverka.invalid>',
      maxAttempts: vars.MAIL_MAX_ATTEMPTS ?? 12,
      retryBaseSeconds: vars.MAIL_RETRY_BASE_SECONDS ?? 30,
      retryMaxSeconds: vars.MAIL_RETRY_MAX_SECONDS ?? 1800,
      leaseSeconds: vars.MAIL_LEASE_SECONDS ?? 120,
      pollIntervalMs: vars.WORKER_POLL_INTERVAL_MS ?? 2000,
    },
    identity: {
      sessionTtlHours: vars.SESSION_TTL_HOURS ?? 12,
      sessionIdleMinutes: vars.SESSION_IDLE_MINUTES ?? 120,
      apiTokenTtlMinutes: vars.API_TOKEN_TTL_MINUTES ?? 60,
      // Off by default in tests: a test that changes a grant in SQL and asks at once must not race the notification.
      principalCacheSeconds: vars.PRINCIPAL_CACHE_SECONDS ?? (envName === 'test' ? 0 : 60),
      signIn: {
        maxFailuresPerAccount: vars.SIGN_IN_MAX_FAILURES_PER_ACCOUNT ?? 5,
        maxFailuresPerAddress: vars.SIGN_IN_MAX_FAILURES_PER_ADDRESS ?? 50,
        windowMinutes: vars.SIGN_IN_WINDOW_MINUTES ?? 15,
      },
      secureCookies: publicUrl.startsWith('https://'),
      oidc:
        vars.OIDC_ISSUER_URL && vars.OIDC_CLIENT_ID
          ? {
              issuerUrl: vars.OIDC_ISSUER_URL,
              clientId: vars.OIDC_CLIENT_ID,
              clientSecret: vars.OIDC_CLIENT_SECRET,
              scopes: vars.OIDC_SCOPES ?? 'openid email profile',
              buttonLabel: vars.OIDC_BUTTON_LABEL ?? 'Logga in med organisationens konto',
              redirectUri: `${publicUrl}/logga-in/sso/callback`,
            }
          : undefined,
    },
  };
}

/**
 * This process's environment with some settings added, for a child process:
 * the `npm start` launcher hands the database it resolved to the API and the
 * worker as DATABASE_URL.
 */
export function environmentWith(vars: Partial<Record<keyof EnvironmentVariables, string>>, env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return { ...env, ...vars };
}
