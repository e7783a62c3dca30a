import { GraphQLError } from 'graphql';

/** No token on a write, or a token that is wrong, expired or revoked (HTTP 401). */
export class UnauthenticatedError extends GraphQLError {
  constructor(message = 'Authentication required: send `Authorization: Bearer <token>`.') {
    super(message, {
      extensions: {
        code: 'UNAUTHENTICATED',
        http: { status: 401, headers: { 'WWW-Authenticate': 'Bearer realm="clustergraph"' } },
      },
    });
  }
}

/** The token is good but its role does not allow this. */
export class ForbiddenError extends GraphQLError {
  constructor(message: string) {
    super(message, { extensions: { code: 'FORBIDDEN' } });
  }
}

/** Too many failed authentications from one address: try again after `retryAfterSeconds` (HTTP 429). */
export class TooManyFailedAuthenticationsError extends GraphQLError {
  constructor(retryAfterSeconds: number) {
    super(`Too many failed authentications from this address; try again in ${retryAfterSeconds} s.`, {
      extensions: {
        code: 'TOO_MANY_REQUESTS',
        http: { status: 429, headers: { 'Retry-After': String(retryAfterSeconds) } },
      },
    });
  }
}
