import { GraphQLError } from 'graphql';
import { Neo4jError } from 'neo4j-driver';

/** A write would break a uniqueness constraint: `key` names the offending value. */
export class ConflictError extends GraphQLError {
  constructor(message: string) {
    super(message, { extensions: { code: 'CONFLICT' } });
  }
}

/** The database cannot be reached or is not ready: the client may retry. */
export class DatabaseUnavailableError extends GraphQLError {
  constructor(cause: unknown) {
    super('The graph database is unavailable; try again shortly.', {
      extensions: { code: 'SERVICE_UNAVAILABLE' },
      originalError: cause instanceof Error ? cause : undefined,
    });
  }
}

/** The one place where driver errors become domain errors. Anything else is rethrown as is. */
export function toDomainError(error: unknown): unknown {
  if (!(error instanceof Neo4jError)) return error;
  if (error.code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
    return new ConflictError(error.message);
  }
  if (error.code === 'ServiceUnavailable' || error.code === 'SessionExpired') {
    return new DatabaseUnavailableError(error);
  }
  return error;
}
