import { type RunningServer, startServer } from '@clustergraph/server';
import { createLogger } from '@clustergraph/server/logger';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { eventually } from '../helpers/dashboard.ts';
import { useGraph } from '../helpers/graph.ts';

/*
 * GraphiQL as an analyst meets it where the internet is not reachable: Chromium may reach the
 * server and nothing else (every other request is aborted), and the page still loads, takes a
 * typed query, runs it and shows the graph's answer.
 */

const graph = useGraph();
const state = {} as { server: RunningServer; browser: Browser; page: Page; elsewhere: string[] };
let clusterCount: number;

beforeAll(async () => {
  await graph.reset();
  await graph.loadCurated();
  clusterCount = await graph.count('MATCH (c:Cluster) RETURN count(c)');
  state.server = await startServer(
    {
      port: 0,
      host: '127.0.0.1',
      neo4jUri: inject('neo4jUri'),
      neo4jUser: 'neo4j',
      neo4jPassword: '',
      neo4jDatabase: undefined,
      logLevel: 'silent',
      webDist: '/nonexistent-dashboard',
    },
    createLogger('silent'),
  );
  state.browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-gpu', '--no-first-run'],
  });
  state.page = await state.browser.newPage({ viewport: { width: 1360, height: 900 } });
  state.page.setDefaultTimeout(30_000);
  state.elsewhere = [];
  const server = new URL(state.server.url);
  await state.page.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.protocol === 'blob:' || url.protocol === 'data:' || url.host === server.host) {
      return route.continue();
    }
    state.elsewhere.push(url.href);
    return route.abort('internetdisconnected');
  });
});

afterAll(async () => {
  await state.browser?.close();
  await state.server?.stop();
});

describe('GraphiQL offline', () => {
  it('loads with its example queries, runs a typed query and shows the answer', async () => {
    const { page } = state;
    const response = await page.goto(`${state.server.url}/graphql`);
    expect(response?.status()).toBe(200);
    expect(await page.title()).toBe('clustergraph API');
    const editor = page.locator('.graphiql-query-editor .monaco-editor').first();
    await editor.waitFor();
    await eventually(() => page.locator('.graphiql-query-editor').textContent()).toContain(
      'ClustersOfARegion',
    );

    // GraphiQL's Run does nothing until its response editor has mounted (Monaco loads it lazily).
    await page.locator('.graphiql-response .monaco-editor').first().waitFor();
    await editor.click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Delete');
    await page.keyboard.insertText('query Count { clusters(first: 1) { totalCount } }');
    // While the examples (several operations) are the parsed document, Run is a menu to choose one
    // of them; GraphiQL parses the typed text a moment later, and then Run runs it.
    const run = page.locator('.graphiql-execute-button');
    await eventually(() => run.getAttribute('aria-haspopup')).toBeNull();
    await run.click();

    const result = page.locator('.graphiql-response');
    await eventually(() => result.textContent()).toContain('"totalCount"');
    const shown = ((await result.textContent()) ?? '').replace(/\s+/g, '');
    expect(shown).toContain(`"totalCount":${clusterCount}`);
    expect(clusterCount).toBeGreaterThan(0);
    // The page needed nothing from elsewhere: its code, styles and fonts are all the server's.
    expect(state.elsewhere).toEqual([]);
  });

  it('is sent compressed and revalidated by its ETag', async () => {
    const first = await fetch(`${state.server.url}/graphql`, {
      headers: { accept: 'text/html', 'accept-encoding': 'br, gzip' },
    });
    expect(first.status).toBe(200);
    expect(first.headers.get('content-encoding')).toBe('br');
    expect(first.headers.get('cache-control')).toBe('no-cache');
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(await first.text()).toContain('ClustersOfARegion');
    const again = await fetch(`${state.server.url}/graphql`, {
      headers: { accept: 'text/html', 'if-none-match': etag ?? '' },
    });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
  });
});
