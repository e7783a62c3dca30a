import { RateLimiterMemory } from 'rate-limiter-flexible';
import type { Database } from '../db/database.ts';
import { apiTokenByHash } from '../db/repositories/api-tokens.ts';
import { TooManyFailedAuthenticationsError, UnauthenticatedError } from './errors.ts';
import { InvalidJwtError, jwtVerifier } from './jwt.ts';
import { type AuthSettings, DEFAULT_AUTH } from './settings.ts';
import { looksLikeApiToken, tokenHash } from './tokens.ts';
import { isRole, type Viewer } from './viewer.ts';

/** The part of a Node request the client address is read from. */
export type ClientSocket = { socket?: { remoteAddress?: string | undefined } } | undefined;

/**
 * Turns a request's `Authorization: Bearer` header into its Viewer: an API token (looked up by
 * its hash) or, when configured, a JWT of the identity provider. A header that does not
 * authenticate is UNAUTHENTICATED for the whole request, and counts against the client's
 * address: past `failedAttempts` in the window, the address gets TOO_MANY_REQUESTS (429) for any
 * request with a token until the window ends, however good the token.
 */
export class Authenticator {
  readonly settings: AuthSettings;
  readonly #failures: RateLimiterMemory;
  readonly #verifyJwt: ((token: string) => Promise<Viewer>) | null;

  constructor(
    private readonly db: Database,
    settings: Partial<AuthSettings> = {},
  ) {
    this.settings = { ...DEFAULT_AUTH, ...settings };
    this.#failures = new RateLimiterMemory({
      keyPrefix: 'failed-auth',
      points: this.settings.failedAttempts,
      duration: this.settings.failedWindowSeconds,
    });
    this.#verifyJwt = this.settings.jwt ? jwtVerifier(this.settings.jwt) : null;
  }

  clientAddress(headers: Headers, req: ClientSocket): string {
    if (this.settings.trustProxy) {
      const forwarded = headers.get('x-forwarded-for')?.split(',')[0]?.trim();
      if (forwarded) return forwarded;
    }
    return req?.socket?.remoteAddress ?? 'unknown';
  }

  /** The request's viewer; null when it sends no token and reads are public. */
  async viewerOf(headers: Headers, address: string): Promise<Viewer | null> {
    const header = headers.get('authorization');
    if (header === null || header.trim() === '') {
      if (this.settings.readsRequireAuth) throw new UnauthenticatedError();
      return null;
    }
    const limit = await this.#failures.get(address);
    if (limit && limit.consumedPoints >= this.settings.failedAttempts) {
      throw new TooManyFailedAuthenticationsError(Math.max(1, Math.ceil(limit.msBeforeNext / 1000)));
    }
    const reason = await this.#check(header).catch((error: unknown) => {
      if (error instanceof InvalidJwtError) return error.message;
      throw error;
    });
    if (typeof reason !== 'string') return reason;
    try {
      await this.#failures.consume(address);
    } catch {
      // This was the last attempt allowed: the next request with a token gets 429.
    }
    throw new UnauthenticatedError(`The bearer token was refused: ${reason}.`);
  }

  /** The viewer, or why the header does not authenticate. */
  async #check(header: string): Promise<Viewer | string> {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match?.[1]) return 'the Authorization header must be "Bearer <token>"';
    const bearer = match[1];
    if (looksLikeApiToken(bearer)) {
      const token = await apiTokenByHash(this.db, tokenHash(bearer));
      if (!token) return 'no such API token';
      if (token.revokedAt) return 'the API token was revoked';
      if (token.expiresAt && Date.parse(token.expiresAt) <= Date.now()) return 'the API token has expired';
      if (!isRole(token.role)) return 'the API token has no known role';
      return {
        id: `token:${token.id}`,
        name: token.name,
        role: token.role,
        clusterIds: token.clusterIds,
        via: 'token',
      };
    }
    if (this.#verifyJwt) return this.#verifyJwt(bearer);
    return 'not an API token of this server (no identity provider is configured)';
  }
}
