import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { join, sep } from 'node:path';
import compression from 'compression';
import helmet from 'helmet';
import type { Logger } from 'pino';
import getRawBody from 'raw-body';
import serveStatic from 'serve-static';
import type { AuthSettings } from './auth/settings.ts';
import type { Database } from './db/database.ts';
import { prepareGraphiQL, sendGraphiQL, wantsGraphiQL } from './graphiql.ts';
import { REQUEST_LIMITS } from './graphql/limits.ts';
import { DEFAULT_LIFECYCLE, type LifecycleSettings, manageLifecycle } from './lifecycle.ts';
import { inRequest } from './logger.ts';
import { buildYoga, type CorsOptions } from './yoga.ts';

type Middleware = (
  request: IncomingMessage,
  response: ServerResponse,
  next: (error?: unknown) => void,
) => void;

/** Runs a connect-style middleware; resolves when it hands the request on, not when it answers. */
function through(middleware: Middleware, request: IncomingMessage, response: ServerResponse) {
  return new Promise<boolean>((resolve, reject) => {
    response.once('finish', () => resolve(false));
    middleware(request, response, (error) => (error ? reject(error) : resolve(true)));
  });
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

/** A refusal in GraphQL's response shape, for requests refused before Yoga sees them. */
function sendGraphQLError(response: ServerResponse, status: number, code: string, message: string): void {
  response.setHeader('connection', 'close');
  sendJson(response, status, { errors: [{ message, extensions: { code } }] });
}

/**
 * Headers for every response, the dashboard's page among them: its scripts, styles and data come
 * from this server alone, no one may frame it, and nothing is sniffed. GraphiQL's page replaces
 * the policy with its own (graphiql.ts). Plain HTTP here: HSTS is for the TLS proxy in front.
 */
const securityHeaders = helmet({
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      baseUri: ["'self'"],
      connectSrc: ["'self'"],
      fontSrc: ["'self'", 'data:'],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
      imgSrc: ["'self'", 'data:', 'blob:'],
      objectSrc: ["'none'"],
      scriptSrc: ["'self'"],
      scriptSrcAttr: ["'none'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      workerSrc: ["'self'", 'blob:'],
    },
  },
  xFrameOptions: { action: 'deny' },
  referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
  strictTransportSecurity: false,
});

/** gzip or brotli, as the client accepts, for text and JSON (the dashboard's JS, GraphiQL, answers). */
const compress = compression({ threshold: 1024 }) as unknown as Middleware;

/**
 * Serves the built dashboard; unknown paths get index.html so client-side routes work.
 * serve-static keeps requests inside the folder (separator-safe) and answers a malformed path 400.
 */
function dashboardHandler(webDist: string) {
  const assets = `${join(webDist, 'assets')}${sep}`;
  const files = serveStatic(webDist, {
    index: ['index.html'],
    fallthrough: true,
    redirect: false,
    setHeaders: (response, path) => {
      const immutable = path.startsWith(assets);
      response.setHeader('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  }) as unknown as Middleware;
  const indexHtml = join(webDist, 'index.html');
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    if (!existsSync(indexHtml)) {
      return sendJson(response, 503, {
        error: 'The dashboard is not built: run `pnpm --filter @clustergraph/web build`.',
      });
    }
    try {
      decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    } catch {
      return sendJson(response, 400, { error: 'The path is not valid percent-encoding.' });
    }
    if (!(await through(files, request, response))) return;
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.setHeader('allow', 'GET, HEAD');
      return sendJson(response, 405, { error: `${request.method} is not allowed here` });
    }
    // A client-side route: the app's page, whatever the path.
    request.url = '/';
    if (await through(files, request, response)) sendJson(response, 404, { error: 'Not found' });
  };
}

/**
 * Reads a GraphQL request's body up to the limit, so a huge body is refused (413) before it is
 * buffered whole or parsed; Yoga then reads it from `request.body`.
 */
async function readBoundedBody(request: IncomingMessage, response: ServerResponse): Promise<boolean> {
  if (request.method === 'GET' || request.method === 'HEAD') return true;
  try {
    const body = await getRawBody(request, {
      limit: REQUEST_LIMITS.bodyBytes,
      length: request.headers['content-length'],
    });
    (request as IncomingMessage & { body?: Buffer }).body = body;
    return true;
  } catch (error) {
    const { status, type } = error as { status?: number; type?: string };
    if (type === 'entity.too.large') {
      sendGraphQLError(
        response,
        413,
        'PAYLOAD_TOO_LARGE',
        `The request body is larger than ${REQUEST_LIMITS.bodyBytes} bytes.`,
      );
    } else {
      sendGraphQLError(
        response,
        status && status < 500 ? status : 400,
        'BAD_REQUEST',
        'The request body could not be read.',
      );
    }
    return false;
  }
}

export type AppServer = { server: Server; close(): Promise<void> };

/** A client's own request id is kept when it is a plain token of sensible length; else one is made. */
function acceptedRequestId(header: string | string[] | undefined): string | undefined {
  return typeof header === 'string' && /^[\w.:-]{1,128}$/.test(header) ? header : undefined;
}

/**
 * The one HTTP server: /graphql, /health (the process is alive), /ready (Neo4j answers and the
 * model's schema is applied) and the dashboard at /. Closing drains it (lifecycle.ts).
 */
export function createAppServer(options: {
  db: Database;
  logger: Logger;
  webDist: string;
  cors?: CorsOptions;
  auth?: Partial<AuthSettings>;
  lifecycle?: Partial<LifecycleSettings>;
  documentCacheSize?: number;
}): AppServer {
  const { db, logger, webDist, cors } = options;
  const yoga = buildYoga({
    db,
    logger,
    documentCacheSize: options.documentCacheSize,
    ...(cors ? { cors } : {}),
    ...(options.auth ? { auth: options.auth } : {}),
  });
  const serveDashboard = dashboardHandler(webDist);
  const graphiql = prepareGraphiQL();

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    if (!(await through(securityHeaders, request, response))) return;
    if (!(await through(compress, request, response))) return;
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname === '/health') return sendJson(response, 200, { status: 'ok' });
    if (url.pathname === '/ready') {
      const { status, body } = await lifecycle.readiness(db);
      return sendJson(response, status, body);
    }
    if (url.pathname === '/graphql' || url.pathname.startsWith('/graphql/')) {
      if (wantsGraphiQL(request)) return sendGraphiQL(await graphiql, request, response);
      if (!(await readBoundedBody(request, response))) return;
      return yoga(request, response);
    }
    return serveDashboard(request, response);
  };

  const server = createServer((request, response) => {
    lifecycle.track(request, response);
    const started = performance.now();
    const requestId = acceptedRequestId(request.headers['x-request-id']) ?? randomUUID();
    request.headers['x-request-id'] = requestId;
    response.setHeader('x-request-id', requestId);
    response.on('finish', () => {
      logger.info(
        {
          requestId,
          method: request.method,
          path: request.url,
          status: response.statusCode,
          ms: Math.round(performance.now() - started),
        },
        'request',
      );
    });
    void inRequest(requestId, () =>
      handle(request, response).catch((error: unknown) => {
        logger.error({ err: error }, 'request failed');
        if (!response.headersSent) sendJson(response, 500, { error: 'Internal error', requestId });
        else response.end();
      }),
    );
  });
  server.keepAliveTimeout = 5_000;
  const lifecycle = manageLifecycle(server, logger, { ...DEFAULT_LIFECYCLE, ...options.lifecycle });

  return { server, close: lifecycle.drain };
}
