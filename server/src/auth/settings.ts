import { readFileSync } from 'node:fs';

/**
 * How requests are authenticated (README, "Editing"). API tokens always work; a JWT of an
 * identity provider only when `jwt` is set.
 */
export type AuthSettings = {
  /** Anonymous requests may read unless this is true; writes always need a token. */
  readsRequireAuth: boolean;
  jwt?: JwtSettings | undefined;
  /** Failed authentications one client address may make per window before it is refused. */
  failedAttempts: number;
  failedWindowSeconds: number;
  /** Take the client address from X-Forwarded-For (behind a proxy you trust), not the socket. */
  trustProxy: boolean;
};

export type JwtSettings = {
  issuer: string;
  audience: string;
  /** Where the provider's keys are: its JWKS URL, a JWKS file, or a shared HS256 secret. */
  keys: { jwksUrl: string } | { jwks: { keys: object[] } } | { secret: string };
  /** The claim holding the roles (a dotted path such as realm_access.roles); values viewer, editor, admin. */
  rolesClaim: string;
  /** The claim holding the keys of the clusters an editor edits. */
  clustersClaim: string;
  /** The claim naming the person (shown in the audit). */
  nameClaim: string;
};

export const DEFAULT_AUTH: AuthSettings = {
  readsRequireAuth: false,
  failedAttempts: 10,
  failedWindowSeconds: 15 * 60,
  trustProxy: false,
};

function jwtKeys(env: NodeJS.ProcessEnv): JwtSettings['keys'] | null {
  if (env.JWT_JWKS_URL) return { jwksUrl: env.JWT_JWKS_URL };
  if (env.JWT_JWKS_FILE) {
    const jwks = JSON.parse(readFileSync(env.JWT_JWKS_FILE, 'utf8')) as { keys?: object[] };
    if (!Array.isArray(jwks.keys)) throw new Error(`JWT_JWKS_FILE: ${env.JWT_JWKS_FILE} has no "keys" array`);
    return { jwks: { keys: jwks.keys } };
  }
  if (env.JWT_SECRET) return { secret: env.JWT_SECRET };
  return null;
}

export function authSettingsFrom(
  env: NodeJS.ProcessEnv,
  intFrom: (name: string, fallback: number) => number,
) {
  const keys = jwtKeys(env);
  let jwt: JwtSettings | undefined;
  if (env.JWT_ISSUER || keys) {
    if (!env.JWT_ISSUER || !env.JWT_AUDIENCE || !keys) {
      throw new Error(
        'JWT sign-in needs JWT_ISSUER, JWT_AUDIENCE and one of JWT_JWKS_URL, JWT_JWKS_FILE or JWT_SECRET',
      );
    }
    jwt = {
      issuer: env.JWT_ISSUER,
      audience: env.JWT_AUDIENCE,
      keys,
      rolesClaim: env.JWT_ROLES_CLAIM || 'roles',
      clustersClaim: env.JWT_CLUSTERS_CLAIM || 'clusters',
      nameClaim: env.JWT_NAME_CLAIM || 'name',
    };
  }
  return {
    readsRequireAuth: env.READS_REQUIRE_AUTH === 'true',
    jwt,
    failedAttempts: intFrom('AUTH_FAILED_ATTEMPTS', DEFAULT_AUTH.failedAttempts),
    failedWindowSeconds: intFrom('AUTH_FAILED_WINDOW_SECONDS', DEFAULT_AUTH.failedWindowSeconds),
    trustProxy: env.TRUST_PROXY === 'true',
  } satisfies AuthSettings;
}
