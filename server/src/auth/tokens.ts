import { createHash, randomBytes } from 'node:crypto';

/** Marks the API's tokens, so a leaked one is recognisable (secret scanners, logs). */
export const TOKEN_PREFIX = 'cgt_';

/** A new secret: 32 random bytes, base64url. Only its hash is stored. */
export function newTokenSecret(): string {
  return `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
}

/** What is stored and looked up: SHA-256 of the secret (a random 256-bit secret needs no slow hash). */
export function tokenHash(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

export function looksLikeApiToken(bearer: string): boolean {
  return bearer.startsWith(TOKEN_PREFIX);
}
