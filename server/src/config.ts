import { type AuthSettings, authSettingsFrom } from './auth/settings.ts';
import { DEFAULT_RESILIENCE, type ResilienceSettings } from './db/database.ts';
import { DEFAULT_LIFECYCLE, type LifecycleSettings } from './lifecycle.ts';

/** Every setting the server reads from the environment; documented in the README's tables. */
export type Config = {
  port: number;
  host: string;
  neo4jUri: string | undefined;
  neo4jUser: string;
  neo4jPassword: string;
  neo4jDatabase: string | undefined;
  logLevel: string;
  webDist: string;
  /** Origins (scheme://host:port) other than the server's own allowed to call the API from a page. */
  corsOrigins?: string[];
  /** Whether those origins may send cookies or HTTP authentication (CORS credentials). */
  corsCredentials?: boolean;
  /** Unset fields take the defaults of database.ts, lifecycle.ts and yoga.ts. */
  resilience?: Partial<ResilienceSettings>;
  lifecycle?: Partial<LifecycleSettings>;
  documentCacheSize?: number;
  /** Tokens, the identity provider, public reads, the failed-authentication limit (auth/settings.ts). */
  auth?: AuthSettings;
};

function intFrom(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number, got "${raw}"`);
  return value;
}

/** A comma-separated list of origins; each must be an origin, not a URL with a path. */
function originsFrom(name: string): string[] {
  const raw = process.env[name] ?? '';
  return raw
    .split(',')
    .map((origin) => origin.trim())
    .filter((origin) => origin.length > 0)
    .map((origin) => {
      let parsed: URL;
      try {
        parsed = new URL(origin);
      } catch {
        throw new Error(`${name}: "${origin}" is not an origin such as https://example.org`);
      }
      if (parsed.origin !== origin) {
        throw new Error(`${name}: "${origin}" is not an origin (write it as ${parsed.origin})`);
      }
      return origin;
    });
}

export function readConfig(): Config {
  return {
    port: intFrom('PORT', 4000),
    host: process.env.HOST ?? '0.0.0.0',
    neo4jUri: process.env.NEO4J_URI || undefined,
    neo4jUser: process.env.NEO4J_USER ?? 'neo4j',
    neo4jPassword: process.env.NEO4J_PASSWORD ?? '',
    neo4jDatabase: process.env.NEO4J_DATABASE || undefined,
    logLevel: process.env.LOG_LEVEL ?? 'info',
    webDist: process.env.WEB_DIST ?? new URL('../../web/dist', import.meta.url).pathname,
    corsOrigins: originsFrom('CORS_ORIGINS'),
    corsCredentials: process.env.CORS_CREDENTIALS === 'true',
    resilience: {
      queryTimeoutMs: intFrom('NEO4J_QUERY_TIMEOUT_MS', DEFAULT_RESILIENCE.queryTimeoutMs),
      connectionTimeoutMs: intFrom('NEO4J_CONNECTION_TIMEOUT_MS', DEFAULT_RESILIENCE.connectionTimeoutMs),
      acquisitionTimeoutMs: intFrom('NEO4J_ACQUISITION_TIMEOUT_MS', DEFAULT_RESILIENCE.acquisitionTimeoutMs),
      maxRetryTimeMs: intFrom('NEO4J_MAX_RETRY_TIME_MS', DEFAULT_RESILIENCE.maxRetryTimeMs),
      maxConnectionLifetimeMs: intFrom(
        'NEO4J_MAX_CONNECTION_LIFETIME_MS',
        DEFAULT_RESILIENCE.maxConnectionLifetimeMs,
      ),
      livenessCheckMs: intFrom('NEO4J_LIVENESS_CHECK_MS', DEFAULT_RESILIENCE.livenessCheckMs),
      retryAfterMs: intFrom('NEO4J_RETRY_AFTER_MS', DEFAULT_RESILIENCE.retryAfterMs),
    },
    lifecycle: {
      drainTimeoutMs: intFrom('DRAIN_TIMEOUT_MS', DEFAULT_LIFECYCLE.drainTimeoutMs),
      readyTimeoutMs: intFrom('READY_TIMEOUT_MS', DEFAULT_LIFECYCLE.readyTimeoutMs),
    },
    documentCacheSize: intFrom('GRAPHQL_DOCUMENT_CACHE_SIZE', 512),
    auth: authSettingsFrom(process.env, intFrom),
  };
}
