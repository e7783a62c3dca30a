import { randomUUID } from 'node:crypto';
import { useGraphQlJit } from '@envelop/graphql-jit';
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { GraphQLError, getOperationAST, getVariableValues, parse } from 'graphql';
import { createYoga, maskError, type Plugin } from 'graphql-yoga';
import type { Logger } from 'pino';
import { Authenticator, type ClientSocket } from './auth/authenticate.ts';
import type { AuthSettings } from './auth/settings.ts';
import type { Database } from './db/database.ts';
import { useDatabaseAvailability } from './graphql/availability.ts';
import type { Context } from './graphql/context.ts';
import { compileWhenRepeated, documentCaches } from './graphql/documents.ts';
import { costLimitErrors, documentLimitErrors, operationCost, REQUEST_LIMITS } from './graphql/limits.ts';
import { schema } from './graphql/schema.ts';
import { requestLogger } from './logger.ts';

export type YogaOptions = {
  db: Database;
  logger: Logger;
  /** Prefetch the relations a query asks for in its root fields' statements (default); false reads nodes whole and batches every relation. */
  prefetch?: boolean;
  /** Origins other than the server's own whose pages may call the API; none by default. */
  cors?: CorsOptions;
  /** How many distinct documents stay parsed, validated and compiled (least recently used go). */
  documentCacheSize?: number;
  /** How tokens are checked (auth/settings.ts); API tokens only and public reads by default. */
  auth?: Partial<AuthSettings>;
};

export type CorsOptions = { origins: readonly string[]; credentials: boolean };

const KNOWN_CODES = new Set([
  'BAD_USER_INPUT',
  'QUERY_TOO_COMPLEX',
  'CONFLICT',
  'SERVICE_UNAVAILABLE',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'TOO_MANY_REQUESTS',
]);

/** Longest message a client gets back: graphql-js quotes a bad value whole, however long. */
const MAX_MESSAGE_CHARACTERS = 500;

/**
 * A client's error as the client should see it: its message bounded, and a variable whose value
 * does not fit its type (graphql-js gives those no code) as BAD_USER_INPUT naming the variable.
 */
function boundedClientError(error: GraphQLError): GraphQLError {
  const long = error.message.length > MAX_MESSAGE_CHARACTERS;
  const variable = /^Variable "\$([^"]+)"/.exec(error.message)?.[1];
  const isVariableError = variable !== undefined && error.extensions?.code === undefined && !error.path;
  if (!long && !isVariableError) return error;
  const message = long ? `${error.message.slice(0, MAX_MESSAGE_CHARACTERS)}… (shortened)` : error.message;
  const extensions = isVariableError
    ? { ...error.extensions, code: 'BAD_USER_INPUT', argument: `$${variable}` }
    : error.extensions;
  return new GraphQLError(message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    extensions,
  });
}

/** The parser with the token limit; a document nested past the stack is refused the same way. */
function boundedParse(source: Parameters<typeof parse>[0]) {
  try {
    return parse(source, { maxTokens: REQUEST_LIMITS.tokens });
  } catch (error) {
    if (error instanceof RangeError) throw new GraphQLError('Syntax Error: Document is nested too deeply.');
    throw error;
  }
}

/**
 * Refuses what would cost the server before it is spent: tokens while parsing, the document's
 * shape before validation (whose overlapping-fields rule is quadratic in the fields executed),
 * and the cost with the request's variables before execution.
 */
const limitsPlugin: Plugin = {
  onParse: ({ setParseFn }) => setParseFn(boundedParse),
  onValidate: ({ params, setResult }) => {
    const errors = documentLimitErrors(params.documentAST);
    if (errors.length > 0) setResult(errors);
  },
  onExecute: ({ args, setResultAndStopExecution }) => {
    const operation = getOperationAST(args.document, args.operationName);
    if (!operation) return;
    const coerced = getVariableValues(
      args.schema,
      operation.variableDefinitions ?? [],
      (args.variableValues ?? {}) as Record<string, unknown>,
    );
    if (coerced.errors) return; // execution reports them
    const errors = costLimitErrors(operationCost(args.schema, args.document, operation, coerced.coerced));
    if (errors.length > 0) setResultAndStopExecution({ errors });
  },
};

/**
 * Yoga's CSRF prevention for every request that can change something: a POST must be
 * preflighted by the browser (a JSON or GraphQL content type) or carry `x-graphql-yoga-csrf`,
 * so a form on another site cannot post a mutation (or an upload) with the user's cookies.
 * GET carries no mutation (Yoga refuses them), so a plain GET query stays a plain GET.
 */
function csrfPreventionOnWrites(): Plugin {
  const csrf = useCSRFPrevention() as Plugin & { onRequestParse: NonNullable<Plugin['onRequestParse']> };
  return {
    onRequestParse: (payload) =>
      payload.request.method === 'GET' ? undefined : csrf.onRequestParse(payload),
  };
}

/**
 * CORS headers for a configured origin only. Yoga's own list handling answers a single allowed
 * origin to every caller and `Access-Control-Allow-Origin: null` (which sandboxed pages match)
 * to unknown ones; here an origin not in the list gets no CORS header at all.
 */
function corsFor({ origins, credentials }: CorsOptions) {
  const allowed = new Set(origins);
  return (request: Request) => {
    const origin = request.headers.get('origin');
    if (origin === null || !allowed.has(origin)) return false;
    return {
      origin: [origin],
      credentials,
      methods: ['GET', 'POST'],
      exposedHeaders: ['x-request-id', 'retry-after'],
      maxAge: 600,
    };
  };
}

/** The answer depends on the caller's Origin when origins are configured: caches must know. */
const varyByOrigin: Plugin = {
  onResponse: ({ response }) => {
    const vary = response.headers.get('vary');
    if (!vary?.toLowerCase().includes('origin')) {
      response.headers.set('vary', vary ? `${vary}, Origin` : 'Origin');
    }
  },
};

/** The GraphQL endpoint, without a listening socket: the server mounts it, tests call yoga.fetch. */
export function buildYoga({ db, logger, prefetch = true, cors, documentCacheSize = 512, auth }: YogaOptions) {
  const authenticator = new Authenticator(db, auth);
  return createYoga<{ req?: ClientSocket }, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    // The HTTP server sends GraphiQL's page, prepared once (graphiql.ts).
    graphiql: false,
    // graphql-jit compiles each operation once into a function: a page of clusters resolves
    // about 600 fields, where graphql-js's interpreter costs more than the statement's wait.
    plugins: [
      csrfPreventionOnWrites(),
      limitsPlugin,
      useDatabaseAvailability(db),
      ...(cors?.origins.length ? [varyByOrigin] : []),
      useGraphQlJit({}, { enableIf: compileWhenRepeated() }),
    ],
    parserAndValidationCache: documentCaches(documentCacheSize),
    // Same origin only unless origins are configured (CORS_ORIGINS); credentials only if asked.
    cors: cors?.origins.length ? corsFor(cors) : false,
    batching: false,
    context: async ({ request, req }) => {
      const requestId = request.headers.get('x-request-id') ?? randomUUID();
      const viewer = await authenticator.viewerOf(
        request.headers,
        authenticator.clientAddress(request.headers, req),
      );
      return { db, requestId, log: requestLogger(logger, requestId), prefetch, viewer, auth: authenticator };
    },
    logging: {
      debug: (...args) => logger.debug(args),
      info: (...args) => logger.info(args),
      warn: (...args) => logger.warn(args),
      error: (...args) => logger.error(args),
    },
    maskedErrors: {
      maskError: (error, message, isDev) => {
        // Duck-typed: a test runner or bundler may load a second copy of graphql, defeating instanceof.
        const original = (error as { originalError?: unknown }).originalError ?? error;
        const code = (original as { extensions?: { code?: unknown } }).extensions?.code;
        if (typeof code === 'string' && KNOWN_CODES.has(code)) return error as Error;
        // Yoga's own answers to a bad request (its 4xx status, code and message) pass as they are;
        // anything else is logged and masked.
        const masked = maskError(error, message, isDev);
        if (masked !== error) {
          logger.error({ err: original }, 'unexpected error in a GraphQL request');
          return masked;
        }
        return boundedClientError(masked as GraphQLError);
      },
    },
  });
}
