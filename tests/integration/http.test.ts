import type { AddressInfo } from 'node:net';
import { Database } from '@clustergraph/server/database';
import { createAppServer } from '@clustergraph/server/http';
import { createLogger } from '@clustergraph/server/logger';
import { afterAll, describe, expect, inject, it } from 'vitest';

const logger = createLogger('silent');

async function listen(db: Database) {
  // A busy machine's first connection may outrun /ready's 2 s bound; outage.test.ts checks the bound.
  const app = createAppServer({
    db,
    logger,
    webDist: '/nonexistent-dashboard',
    lifecycle: { readyTimeoutMs: 30_000 },
  });
  await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', resolve));
  const { port } = app.server.address() as AddressInfo;
  return { app, base: `http://127.0.0.1:${port}` };
}

/** A database whose reads fail the way a bug would: the API must not leak the message. */
class BrokenDatabase extends Database {
  override read(): Promise<never> {
    return Promise.reject(new Error('secret internals: /var/lib/neo4j password=hunter2'));
  }
}

describe('HTTP endpoints', () => {
  const db = new Database({ uri: inject('neo4jUri') });
  afterAll(() => db.close());

  it('/health answers while the process lives, /ready when Neo4j answers with the schema applied', async () => {
    const { app, base } = await listen(db);
    try {
      const health = await fetch(`${base}/health`);
      expect(health.status).toBe(200);
      const ready = await fetch(`${base}/ready`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toEqual({ status: 'ready' });
      expect(ready.headers.get('x-request-id')).toMatch(/[0-9a-f-]{36}/);
    } finally {
      await app.close();
    }
  });

  it('/ready is 503 when Neo4j cannot be reached, /health stays 200', async () => {
    const unreachable = new Database({ uri: 'bolt://127.0.0.1:1' });
    const { app, base } = await listen(unreachable);
    try {
      expect((await fetch(`${base}/health`)).status).toBe(200);
      const ready = await fetch(`${base}/ready`);
      expect(ready.status).toBe(503);
      expect(((await ready.json()) as { status: string }).status).toBe('database unreachable');
    } finally {
      await app.close();
      await unreachable.close();
    }
  });

  it('masks unexpected errors, with a code, and keeps the request id', async () => {
    const broken = new BrokenDatabase({ uri: inject('neo4jUri') });
    const { app, base } = await listen(broken);
    try {
      const response = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-request-id': 'test-request-1' },
        body: JSON.stringify({ query: '{ clusters { totalCount } }' }),
      });
      const body = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
      expect(body.errors[0]?.extensions.code).toBe('INTERNAL_SERVER_ERROR');
      expect(JSON.stringify(body)).not.toContain('secret');
      expect(response.headers.get('x-request-id')).toBe('test-request-1');
    } finally {
      await app.close();
      await broken.close();
    }
  });

  it('serves GraphiQL with example queries to browsers', async () => {
    const { app, base } = await listen(db);
    try {
      const response = await fetch(`${base}/graphql`, { headers: { accept: 'text/html' } });
      const html = await response.text();
      expect(response.status).toBe(200);
      expect(html).toContain('ClustersOfARegion');
    } finally {
      await app.close();
    }
  });

  it('drains a request in flight before closing', async () => {
    const { app, base } = await listen(db);
    const inFlight = fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: '{ regions(first: 100) { totalCount edges { node { code children { code } } } } }',
      }),
    });
    await new Promise((resolve) => app.server.once('request', resolve));
    const closed = app.close();
    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(((await response.json()) as { data: unknown }).data).toBeTruthy();
    await closed;
  });
});

describe('browser-facing security and static files', () => {
  const db = new Database({ uri: inject('neo4jUri') });
  afterAll(() => db.close());

  it('sends the security headers, no CORS by default, compresses, and keeps requests inside the dashboard', async () => {
    const { mkdtemp, mkdir, writeFile } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const root = await mkdtemp(`${tmpdir()}/cg-static-`);
    await mkdir(`${root}/dist`);
    await mkdir(`${root}/dist-secret`);
    await writeFile(`${root}/dist/index.html`, `<!doctype html><title>app</title>${'x'.repeat(4_000)}`);
    await writeFile(`${root}/dist-secret/key.txt`, 'secret');
    const app = createAppServer({ db, logger, webDist: `${root}/dist` });
    await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    try {
      const page = await fetch(`${base}/clusters`, { headers: { 'accept-encoding': 'gzip' } });
      expect(page.status).toBe(200);
      expect(page.headers.get('content-encoding')).toBe('gzip');
      expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(page.headers.get('x-content-type-options')).toBe('nosniff');
      expect(page.headers.get('x-frame-options')).toBe('DENY');
      expect(page.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
      const sibling = await fetch(`${base}/..%2fdist-secret/key.txt`);
      expect(await sibling.text()).not.toContain('secret');
      expect((await fetch(`${base}/clusters/%E0%A4%A`)).status).toBe(400);
      const cors = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      expect(cors.headers.get('access-control-allow-origin')).toBeNull();
      expect(cors.headers.get('access-control-allow-credentials')).toBeNull();
      const graphiql = await fetch(`${base}/graphql`, { headers: { accept: 'text/html' } });
      expect(graphiql.headers.get('content-security-policy')).toMatch(/script-src 'self' 'sha256-/);
    } finally {
      await app.close();
    }
  });

  it('with CORS_ORIGINS set, answers CORS to those origins only, preflight included', async () => {
    const allowed = 'https://app.example.org';
    const other = 'https://evil.example';
    const start = async (credentials: boolean) => {
      const app = createAppServer({
        db,
        logger,
        webDist: '/nonexistent-dashboard',
        cors: { origins: [allowed], credentials },
      });
      await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', resolve));
      return { app, base: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}` };
    };
    const post = (base: string, origin: string) =>
      fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
    const preflight = (base: string, origin: string) =>
      fetch(`${base}/graphql`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type',
        },
      });
    const corsHeaders = (response: Response) =>
      [...response.headers.keys()].filter((name) => name.startsWith('access-control-'));

    const { app, base } = await start(false);
    try {
      const yes = await post(base, allowed);
      expect(yes.status).toBe(200);
      expect(yes.headers.get('access-control-allow-origin')).toBe(allowed);
      expect(yes.headers.get('access-control-allow-credentials')).toBeNull();
      expect(yes.headers.get('access-control-expose-headers')).toContain('x-request-id');
      expect(yes.headers.get('vary')).toMatch(/\bOrigin\b/);
      expect(await yes.json()).toEqual({ data: { __typename: 'Query' } });

      const no = await post(base, other);
      expect(no.status).toBe(200);
      expect(corsHeaders(no)).toEqual([]);
      expect(no.headers.get('vary')).toMatch(/\bOrigin\b/);

      const allowedPreflight = await preflight(base, allowed);
      expect(allowedPreflight.status).toBe(204);
      expect(allowedPreflight.headers.get('access-control-allow-origin')).toBe(allowed);
      expect(allowedPreflight.headers.get('access-control-allow-methods')).toBe('GET, POST');
      expect(allowedPreflight.headers.get('access-control-allow-headers')).toBe('content-type');
      expect(allowedPreflight.headers.get('access-control-allow-credentials')).toBeNull();

      const otherPreflight = await preflight(base, other);
      expect(corsHeaders(otherPreflight)).toEqual([]);
      // An opaque origin (a sandboxed page, a file) is not an allowed one either.
      expect(corsHeaders(await post(base, 'null'))).toEqual([]);
    } finally {
      await app.close();
    }

    const withCredentials = await start(true);
    try {
      const yes = await preflight(withCredentials.base, allowed);
      expect(yes.headers.get('access-control-allow-origin')).toBe(allowed);
      expect(yes.headers.get('access-control-allow-credentials')).toBe('true');
      expect(corsHeaders(await post(withCredentials.base, other))).toEqual([]);
    } finally {
      await withCredentials.app.close();
    }
  });
});
