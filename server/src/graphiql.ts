import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { promisify } from 'node:util';
import { brotliCompress, gzip, constants as zlibConstants } from 'node:zlib';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { EXAMPLE_QUERIES } from './graphql/examples.ts';

/**
 * GraphiQL's page as the server sends it: the HTML, carrying GraphiQL's code inline from the
 * project's own dependencies (no CDN, so it works offline), about 9 MB. Rendering and compressing
 * it per request cost 0.5-1 s of the event loop each time, so it is rendered, hashed and
 * compressed once, at start, and revalidated by ETag.
 */
export type GraphiQLPage = {
  html: Buffer;
  gzip: Buffer;
  brotli: Buffer;
  etag: string;
  /** GraphiQL's own Content-Security-Policy: its inline scripts by hash and nothing else inline. */
  policy: string;
};

let prepared: Promise<GraphiQLPage> | undefined;

/**
 * The page, prepared on the first call (a server's start) and shared by every server of the
 * process; compression runs on libuv's threads, so the start does not block the event loop.
 */
export function prepareGraphiQL(): Promise<GraphiQLPage> {
  prepared ??= renderPage();
  return prepared;
}

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

async function renderPage(): Promise<GraphiQLPage> {
  const text = renderGraphiQL({ title: 'clustergraph API', defaultQuery: EXAMPLE_QUERIES });
  const scriptHashes = [...text.matchAll(/<script>([\s\S]*?)<\/script>/g)].map(
    ([, script]) =>
      `'sha256-${createHash('sha256')
        .update(script ?? '')
        .digest('base64')}'`,
  );
  const html = Buffer.from(text);
  const [gzipped, brotli] = await Promise.all([
    gzipAsync(html, { level: 6 }),
    // Quality 5: 1.9 MB in about 0.5 s; 9 saves 4% more for four times the start-up time.
    brotliAsync(html, {
      params: {
        [zlibConstants.BROTLI_PARAM_QUALITY]: 5,
        [zlibConstants.BROTLI_PARAM_SIZE_HINT]: html.length,
      },
    }),
  ]);
  return {
    html,
    gzip: gzipped,
    brotli,
    etag: `"${createHash('sha256').update(html).digest('base64url').slice(0, 27)}"`,
    policy: [
      "default-src 'self'",
      `script-src 'self' ${[...new Set(scriptHashes)].join(' ')}`,
      // GraphiQL's editor sets styles inline and runs its workers from blob: URLs.
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data: blob:",
      "font-src 'self' data:",
      "worker-src 'self' blob:",
      "connect-src 'self'",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "frame-ancestors 'none'",
    ].join('; '),
  };
}

/** Yoga's rule: a browser's GET of the endpoint asking for HTML gets GraphiQL. */
export function wantsGraphiQL(request: IncomingMessage): boolean {
  return (
    (request.method === 'GET' || request.method === 'HEAD') &&
    (request.headers.accept ?? '').includes('text/html')
  );
}

/** The best encoding the client accepts (`br`, `gzip`, or none); q=0 refuses one. */
function chosenEncoding(acceptEncoding: string | undefined): 'br' | 'gzip' | undefined {
  const accepted = new Map<string, number>();
  for (const part of (acceptEncoding ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    accepted.set(name, q === undefined ? 1 : Number(q));
  }
  const weight = (name: string) => accepted.get(name) ?? accepted.get('*') ?? 0;
  if (weight('br') > 0) return 'br';
  if (weight('gzip') > 0) return 'gzip';
  return undefined;
}

function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === etag || tag === '*');
}

/** Sends the prepared page: 304 when the browser's copy is current, else the encoding it accepts. */
export function sendGraphiQL(page: GraphiQLPage, request: IncomingMessage, response: ServerResponse): void {
  response.setHeader('content-security-policy', page.policy);
  response.setHeader('etag', page.etag);
  // Cached, but checked with the server on each load: a new release brings a new page.
  response.setHeader('cache-control', 'no-cache');
  response.setHeader('vary', 'Accept, Accept-Encoding');
  if (matchesEtag(request.headers['if-none-match'], page.etag)) {
    response.writeHead(304);
    response.end();
    return;
  }
  const encoding = chosenEncoding(request.headers['accept-encoding']);
  const body = encoding === 'br' ? page.brotli : encoding === 'gzip' ? page.gzip : page.html;
  if (encoding) response.setHeader('content-encoding', encoding);
  response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': body.length });
  response.end(request.method === 'HEAD' ? undefined : body);
}
