import { GraphQLError } from 'graphql';
import { isRetryableError, Neo4jError } from 'neo4j-driver';

/** A write would break a uniqueness constraint: `key` names the offending value. */
export class ConflictError extends GraphQLError {
  constructor(message: string) {
    super(message, { extensions: { code: 'CONFLICT' } });
  }
}

/**
 * The database cannot be reached, did not answer in time, or is known to be down (the circuit
 * is open): the client may retry after `retryAfterSeconds`, which travels as a `Retry-After`
 * header. `beforeExecution` marks a request refused before any field ran: it has no `data`, so
 * GraphQL-over-HTTP lets it be a 503 (for `application/graphql-response+json`; a client that
 * asked for `application/json` gets 200, as the spec says, with the same code and header).
 */
export class DatabaseUnavailableError extends GraphQLError {
  /** What happened, for the log and /ready; the client's message stays generic. */
  readonly reason: string;

  constructor(
    cause: unknown,
    options: { retryAfterSeconds: number; reason?: string; beforeExecution?: boolean },
  ) {
    const headers = { 'Retry-After': String(options.retryAfterSeconds) };
    super('The graph database is unavailable; try again shortly.', {
      extensions: {
        code: 'SERVICE_UNAVAILABLE',
        http: options.beforeExecution ? { status: 503, headers, spec: true } : { headers },
      },
      originalError: cause instanceof Error ? cause : undefined,
    });
    this.reason = options.reason ?? (cause instanceof Error ? cause.message : String(cause));
  }
}

/** opossum's own failures: the circuit is open, or the action outran the breaker's timeout. */
const BREAKER_CODES = new Set(['EOPENBREAKER', 'ETIMEDOUT']);

/**
 * Whether an error says the database is not there rather than that the statement is wrong:
 * the driver's retryable errors (unreachable, session expired, transient) once its retries are
 * spent, a pool that had no connection to give in time (the driver gives that one no code of its
 * own), credentials refused (an operator's fault, not the client's), and the circuit breaker's.
 */
export function isUnavailability(error: unknown): boolean {
  if (error instanceof DatabaseUnavailableError) return true;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && BREAKER_CODES.has(code)) return true;
  if (!(error instanceof Neo4jError)) return false;
  return (
    isRetryableError(error) ||
    error.message.startsWith('Connection acquisition timed out') ||
    error.code.startsWith('Neo.ClientError.Security.') ||
    error.code === 'Neo.ClientError.Database.DatabaseNotFound'
  );
}

/** The one place where driver errors become domain errors. Anything else is rethrown as is. */
export function toDomainError(error: unknown, retryAfterSeconds: number): unknown {
  if (error instanceof DatabaseUnavailableError) return error;
  if (isUnavailability(error)) return new DatabaseUnavailableError(error, { retryAfterSeconds });
  if (error instanceof Neo4jError && error.code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
    return new ConflictError(error.message);
  }
  return error;
}
