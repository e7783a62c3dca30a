import { randomUUID } from 'node:crypto';
import { useGraphQlJit } from '@envelop/graphql-jit';
import { GraphQLError } from 'graphql';
import { createYoga, type Plugin } from 'graphql-yoga';
import type { Logger } from 'pino';
import type { Database } from './db/database.ts';
import type { Context } from './graphql/context.ts';
import { EXAMPLE_QUERIES } from './graphql/examples.ts';
import { aliasLimitRule } from './graphql/limits.ts';
import { schema } from './graphql/schema.ts';

export type YogaOptions = {
  db: Database;
  logger: Logger;
  /** Prefetch the relations a query asks for in its root fields' statements (default); false reads nodes whole and batches every relation. */
  prefetch?: boolean;
};

const KNOWN_CODES = new Set(['BAD_USER_INPUT', 'QUERY_TOO_COMPLEX', 'CONFLICT', 'SERVICE_UNAVAILABLE']);

/** The GraphQL endpoint, without a listening socket: the server mounts it, tests call yoga.fetch. */
export function buildYoga({ db, logger, prefetch = true }: YogaOptions) {
  const validationPlugin: Plugin = {
    onValidate: ({ addValidationRule }) => addValidationRule(aliasLimitRule),
  };
  return createYoga<Record<string, unknown>, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    graphiql: { title: 'clustergraph API', defaultQuery: EXAMPLE_QUERIES },
    // graphql-jit compiles each operation once into a function: a page of clusters resolves
    // about 600 fields, where graphql-js's interpreter costs more than the statement's wait.
    plugins: [validationPlugin, useGraphQlJit()],
    context: ({ request }) => {
      const requestId = request.headers.get('x-request-id') ?? randomUUID();
      return { db, requestId, log: logger.child({ requestId }), prefetch };
    },
    logging: {
      debug: (...args) => logger.debug(args),
      info: (...args) => logger.info(args),
      warn: (...args) => logger.warn(args),
      error: (...args) => logger.error(args),
    },
    maskedErrors: {
      maskError: (error, message) => {
        // Duck-typed: a test runner or bundler may load a second copy of graphql, defeating instanceof.
        const original = (error as { originalError?: unknown }).originalError ?? error;
        const code = (original as { extensions?: { code?: unknown } }).extensions?.code;
        if (typeof code === 'string' && KNOWN_CODES.has(code)) return error as Error;
        // Pothos' complexity plugin throws plain errors that say which limit was hit.
        if (
          original instanceof Error &&
          /exceeds maximum (depth|breadth|complexity)/i.test(original.message)
        ) {
          return new GraphQLError(original.message, { extensions: { code: 'QUERY_TOO_COMPLEX' } });
        }
        logger.error({ err: original }, 'unexpected error in a GraphQL request');
        return new GraphQLError(message, { extensions: { code: 'INTERNAL_SERVER_ERROR' } });
      },
    },
  });
}
