import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUrl, Matches, Max, Min, MinLength } from 'class-validator';

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));
const toBool = ({ value }: { value: unknown }) => {
  if (value === undefined || value === '') return undefined;
  if (value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0') return false;
  return value;
};
const emptyToUndefined = ({ value }: { value: unknown }) => (value === '' ? undefined : value);

/** The environment, as read. Each property is one variable; the concerns below group them. */
export class EnvironmentVariables {
  @IsOptional() @IsIn(['development', 'production', 'test'])
  NODE_ENV?: 'development' | 'production' | 'test';

  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(65535)
  PORT?: number;

  @IsOptional() @Transform(emptyToUndefined) @IsString() @MinLength(1)
  HOST?: string;

  @IsOptional() @Transform(emptyToUndefined) @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  PUBLIC_URL?: string;

  @IsOptional() @Transform(emptyToUndefined) @IsString() @MinLength(1)
  DATA_DIR?: string;

  /** Comma-separated addresses or CIDR ranges of the reverse proxies whose X-Forwarded-* headers are believed. */
  @IsOptional() @Transform(emptyToUndefined) @IsString()
  TRUSTED_PROXIES?: string;

  @IsOptional() @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL?: string;

  /** `json` (JSON lines; the default outside development) or `pretty` (one readable line per request; the default in development). */
  @IsOptional() @IsIn(['json', 'pretty'])
  LOG_FORMAT?: 'json' | 'pretty';

  @IsOptional() @Transform(emptyToUndefined)
  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'DATABASE_URL must be a postgres:// or postgresql:// URL' })
  DATABASE_URL?: string;

  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(200)
  DATABASE_POOL_SIZE?: number;

  @IsOptional() @Transform(toInt) @IsInt() @Min(1024) @Max(65535)
  EMBEDDED_POSTGRES_PORT?: number;

  @IsOptional() @Transform(toInt) @IsInt() @Min(100) @Max(120_000)
  DATABASE_CONNECT_TIMEOUT_MS?: number;

  @IsOptional() @Transform(toInt) @IsInt() @Min(100) @Max(600_000)
  DATABASE_STATEMENT_TIMEOUT_MS?: number;

  @IsOptional() @Transform(toInt) @IsInt() @Min(100) @Max(3_600_000)
  DATABASE_LONG_STATEMENT_TIMEOUT_MS?: number;

  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(3600)
  DATABASE_RETRY_AFTER_SECONDS?: number;

  @IsOptional() @Transform(emptyToUndefined)
  @Matches(/^smtps?:\/\/\S+$/, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  @IsOptional() @Transform(emptyToUndefined) @IsString() @MinLength(3)
  MAIL_FROM?: string;

  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(50)
  MAIL_MAX_ATTEMPTS?: number;

  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(86_400)
  MAIL_RETRY_BASE_SECONDS?: number;

  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(86_400)
  MAIL_RETRY_MAX_SECONDS?: number;

  @IsOptional() @Transform(toInt) @IsInt() @Min(5) @Max(3600)
  MAIL_LEASE_SECONDS?: number;

  @IsOptional() @Transform(toInt) @IsInt() @Min(50) @Max(600_000)
  WORKER_POLL_INTERVAL_MS?: number;

  @IsOptional() @Transform(toBool) @IsBoolean()
  SEED_DEMO_DATA?: boolean;

  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(24 * 14)
  SESSION_TTL_HOURS?: number;

  @IsOptional() @Transform(toInt) @IsInt() @Min(5) @Max(24 * 60)
  SESSION_IDLE_MINUTES?: number;

  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(24 * 60)
  API_TOKEN_TTL_MINUTES?: number;

  /** How long a process keeps a signed-in caller's principal between requests (0: every request reads it). */
  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(600)
  PRINCIPAL_CACHE_SECONDS?: number;

  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(100)
  SIGN_IN_MAX_FAILURES_PER_ACCOUNT?: number;

  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(10_000)
  SIGN_IN_MAX_FAILURES_PER_ADDRESS?: number;

  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(24 * 60)
  SIGN_IN_WINDOW_MINUTES?: number;

  @IsOptional() @Transform(emptyToUndefined) @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  OIDC_ISSUER_URL?: string;

  @IsOptional() @Transform(emptyToUndefined) @IsString() @MinLength(1)
  OIDC_CLIENT_ID?: string;

  @IsOptional() @Transform(emptyToUndefined) @IsString() @MinLength(1)
  OIDC_CLIENT_SECRET?: string;

  @IsOptional() @Transform(emptyToUndefined) @IsString() @MinLength(6)
  OIDC_SCOPES?: string;

  @IsOptional() @Transform(emptyToUndefined) @IsString() @MinLength(3)
  OIDC_BUTTON_LABEL?: string;
}

export interface AppConfig {
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  publicUrl: string;
  dataDir: string;
  logLevel: string;
  /** JSON lines, or one readable line per request (development). */
  logFormat: 'json' | 'pretty';
  /** The city's zone. Fixed: the service does not depend on the machine's TZ. */
  timeZone: 'Europe/Stockholm';
  /** Load the demo city into an empty database at start-up (never in production). */
  seedDemoData: boolean;
  /**
   * Reverse proxies (addresses or CIDR ranges) whose X-Forwarded-For/-Proto are believed; the client is
   * the right-most address not among them. Empty (the default): the peer's own address, headers ignored.
   */
  trustedProxies: string[];
}

export interface DatabaseConfig {
  /** External PostgreSQL; when absent the embedded server under `dataDir` is used. */
  url?: string;
  poolSize: number;
  embeddedPort: number;
  /** How long a new pool connection may take before the attempt fails (the database is away). */
  connectTimeoutMs: number;
  /** The API's limit per statement (requests); PostgreSQL cancels a longer one, and the client gives up on a frozen server shortly after. */
  statementTimeoutMs: number;
  /** The limit per statement of long work: the worker's and the CLI's (sweeps, batches), and the API's exports (`TransactionHost.runLong`). */
  longStatementTimeoutMs: number;
  /** What `Retry-After` tells a client while the database is away. */
  retryAfterSeconds: number;
}

export interface MailConfig {
  /** SMTP server; when absent mail is written as .eml files under `<dataDir>/mail`. */
  smtpUrl?: string;
  from: string;
  /** Attempts before an email ends as failed. */
  maxAttempts: number;
  /** First retry after this many seconds, doubling each time ... */
  retryBaseSeconds: number;
  /** ... up to this many seconds between two attempts, so a long outage is retried at a steady pace. */
  retryMaxSeconds: number;
  /** How long a worker holds an email it is sending; after that another worker may take it. */
  leaseSeconds: number;
  /** How often the worker looks for due emails (the sweeps run on pg-boss schedules, every minute). */
  pollIntervalMs: number;
}

export interface OidcConfig {
  issuerUrl: string;
  clientId: string;
  /** Confidential client; without it the client is public and relies on PKCE alone. */
  clientSecret?: string;
  scopes: string;
  buttonLabel: string;
  /** The callback registered with the identity provider. */
  redirectUri: string;
}

export interface IdentityConfig {
  sessionTtlHours: number;
  sessionIdleMinutes: number;
  apiTokenTtlMinutes: number;
  /**
   * Seconds a principal (session, roles, coordinated departments) stays cached in the process; every
   * process drops it at once when any of those change (PostgreSQL LISTEN/NOTIFY). 0 turns it off.
   */
  principalCacheSeconds: number;
  signIn: { maxFailuresPerAccount: number; maxFailuresPerAddress: number; windowMinutes: number };
  /** Cookies get `Secure` when the service is reached over HTTPS. */
  secureCookies: boolean;
  /** Single sign-on through the municipality's OpenID Connect provider, when configured. */
  oidc?: OidcConfig;
}

export interface SamverkaConfig {
  app: AppConfig;
  database: DatabaseConfig;
  mail: MailConfig;
  identity: IdentityConfig;
}
