import { randomUUID } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize } from 'node:path';
import type { Logger } from 'pino';
import type { Database } from './db/database.ts';
import { missingSchemaObjects } from './db/schema.ts';
import { buildYoga } from './yoga.ts';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

/** Serves the built dashboard; unknown paths get index.html so client-side routes work. */
async function serveDashboard(webDist: string, url: URL, response: ServerResponse): Promise<void> {
  const requested = normalize(join(webDist, decodeURIComponent(url.pathname)));
  const inside = requested.startsWith(webDist);
  const file =
    inside && (await stat(requested).catch(() => null))?.isFile() ? requested : join(webDist, 'index.html');
  try {
    const body = await readFile(file);
    const immutable = file.includes(`${join(webDist, 'assets')}`);
    response.writeHead(200, {
      'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
    response.end(body);
  } catch {
    sendJson(response, 503, {
      error: 'The dashboard is not built: run `pnpm --filter @clustergraph/web build`.',
    });
  }
}

export type AppServer = { server: Server; close(): Promise<void> };

/**
 * The one HTTP server: /graphql, /health (the process is alive), /ready (Neo4j answers and the
 * model's schema is applied) and the dashboard at /. Closing stops new connections and waits for
 * requests in flight.
 */
export function createAppServer(options: { db: Database; logger: Logger; webDist: string }): AppServer {
  const { db, logger, webDist } = options;
  const yoga = buildYoga({ db, logger });
  const root = normalize(webDist);

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname === '/health') return sendJson(response, 200, { status: 'ok' });
    if (url.pathname === '/ready') {
      try {
        await db.ping();
        const missing = await missingSchemaObjects(db);
        if (missing.length > 0) return sendJson(response, 503, { status: 'schema not applied', missing });
        return sendJson(response, 200, { status: 'ready' });
      } catch (error) {
        return sendJson(response, 503, { status: 'database unreachable', error: (error as Error).message });
      }
    }
    if (url.pathname.startsWith('/graphql')) return yoga(request, response);
    return serveDashboard(root, url, response);
  };

  const server = createServer((request, response) => {
    const started = performance.now();
    const requestId = (request.headers['x-request-id'] as string | undefined) ?? randomUUID();
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
    handle(request, response).catch((error: unknown) => {
      logger.error({ err: error, requestId }, 'request failed');
      if (!response.headersSent) sendJson(response, 500, { error: 'Internal error', requestId });
      else response.end();
    });
  });
  server.keepAliveTimeout = 5_000;

  return {
    server,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeIdleConnections();
      }),
  };
}
