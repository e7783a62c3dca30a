import {
  createLocalJWKSet,
  createRemoteJWKSet,
  type JWTPayload,
  type JWTVerifyGetKey,
  jwtVerify,
} from 'jose';
import type { JwtSettings } from './settings.ts';
import { isRole, ROLES, type Role, type Viewer } from './viewer.ts';

/** A claim by dotted path: `realm_access.roles` reads payload.realm_access.roles. */
function claim(payload: JWTPayload, path: string): unknown {
  let value: unknown = payload;
  for (const part of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

function strings(value: unknown): string[] {
  if (typeof value === 'string') return value.split(/[\s,]+/).filter(Boolean);
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/** The strongest of the roles a token names ("admin", "clustergraph:editor", ...); none is no role. */
function strongestRole(values: string[]): Role | null {
  let best: Role | null = null;
  for (const value of values) {
    const role = value.toLowerCase().split(/[:/]/).at(-1);
    if (isRole(role) && (best === null || ROLES.indexOf(role) > ROLES.indexOf(best))) best = role;
  }
  return best;
}

export class InvalidJwtError extends Error {}

/** Verifies JWTs of the configured provider (signature, issuer, audience, expiry) with jose. */
export function jwtVerifier(settings: JwtSettings): (token: string) => Promise<Viewer> {
  const keys = settings.keys;
  let getKey: JWTVerifyGetKey | Uint8Array;
  if ('jwksUrl' in keys) getKey = createRemoteJWKSet(new URL(keys.jwksUrl));
  else if ('jwks' in keys) getKey = createLocalJWKSet(keys.jwks as Parameters<typeof createLocalJWKSet>[0]);
  else getKey = new TextEncoder().encode(keys.secret);
  return async (token) => {
    let payload: JWTPayload;
    try {
      ({ payload } =
        getKey instanceof Uint8Array
          ? await jwtVerify(token, getKey, { issuer: settings.issuer, audience: settings.audience })
          : await jwtVerify(token, getKey, { issuer: settings.issuer, audience: settings.audience }));
    } catch (error) {
      throw new InvalidJwtError((error as Error).message);
    }
    if (!payload.sub) throw new InvalidJwtError('the token has no subject (sub)');
    const role = strongestRole(strings(claim(payload, settings.rolesClaim)));
    if (!role) throw new InvalidJwtError(`the token's "${settings.rolesClaim}" claim names no role`);
    const name = claim(payload, settings.nameClaim);
    return {
      id: `jwt:${payload.iss}:${payload.sub}`,
      name: typeof name === 'string' && name ? name : payload.sub,
      role,
      clusterIds: strings(claim(payload, settings.clustersClaim)),
      via: 'jwt',
    };
  };
}
