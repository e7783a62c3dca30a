import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { foldText } from '@clustergraph/schema';
import { type RunningServer, startServer } from '@clustergraph/server';
import { createLogger } from '@clustergraph/server/logger';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { useGraph } from '../helpers/graph.ts';

/*
 * The dashboard against the real stack: the curated graph in Neo4j, the API serving the built
 * dashboard (web/dist, built by `pnpm test` before vitest runs), and Debian's Chromium. Every
 * expected value is read from the graph with Cypher, never copied from the dataset.
 */

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const WEB_DIST = fileURLToPath(new URL('../../web/dist', import.meta.url));
const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));
/** The list view's page size (web/src/views/ClustersView). */
const PAGE_SIZE = 10;

const graph = useGraph();
let server: RunningServer;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

type CuratedCluster = { key: string; name: string; declared: number | null; inGraph: number };
let curated: CuratedCluster[];

/** "1,234" or "—" as the table shows them. */
function parseCount(text: string): number | null {
  const digits = text.replace(/[^0-9]/g, '');
  return digits === '' ? null : Number(digits);
}

/** Name → [declared, in the graph] as the table shows them. */
async function tableCounts(): Promise<Map<string, [number | null, number | null]>> {
  const shown = await page.getByTestId('cluster-row').evaluateAll((trs) =>
    trs.map((tr) => ({
      name: tr.querySelector('[data-testid=cluster-name]')?.textContent ?? '',
      declared: tr.querySelector('[data-testid=declared-members]')?.textContent ?? '',
      inGraph: tr.querySelector('[data-testid=graph-members]')?.textContent ?? '',
    })),
  );
  return new Map(shown.map((row) => [row.name, [parseCount(row.declared), parseCount(row.inGraph)]]));
}

/** The UI answers after a request to the API; the machine may be busy. */
const eventually = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 15_000, interval: 100 });

const screenshot = (name: string) => page.screenshot({ path: `${ARTIFACTS}${name}.png`, fullPage: true });

beforeAll(async () => {
  if (!existsSync(`${WEB_DIST}/index.html`)) {
    throw new Error(
      `The dashboard is not built at ${WEB_DIST}: run \`pnpm --filter @clustergraph/web build\`.`,
    );
  }
  await graph.reset();
  await graph.loadCurated();
  curated = (
    await graph.rows(
      `MATCH (c:Cluster {synthetic: false})
       RETURN c.id AS key, c.name AS name, c.declaredMemberCount AS declared,
              COUNT { (:Organisation)-[:MEMBER_OF]->(c) } AS inGraph`,
    )
  ).map((row) => ({
    key: row.key as string,
    name: row.name as string,
    declared: (row.declared as number | null) ?? null,
    inGraph: row.inGraph as number,
  }));

  server = await startServer(
    {
      port: 0, // startServer reports the port it got
      host: '127.0.0.1',
      neo4jUri: inject('neo4jUri'),
      neo4jUser: 'neo4j',
      neo4jPassword: '',
      neo4jDatabase: undefined,
      logLevel: 'silent',
      webDist: WEB_DIST,
    },
    createLogger('silent'),
  );
  await mkdir(ARTIFACTS, { recursive: true });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-gpu',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
  page.setDefaultTimeout(20_000);
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('dashboard', () => {
  it('lists the curated clusters, a page at a time, with declared and graph member counts', async () => {
    expect(curated.length).toBeGreaterThan(PAGE_SIZE);
    await page.goto(`${server.url}/`);
    const clusterRows = page.getByTestId('cluster-row');
    await eventually(() => clusterRows.count()).toBe(PAGE_SIZE);
    await eventually(() => page.getByTestId('cluster-count').textContent()).toBe(
      `Showing ${PAGE_SIZE} of ${curated.length} curated clusters`,
    );
    await screenshot('clusters');

    while (await page.getByTestId('load-more').isVisible()) {
      const before = await clusterRows.count();
      await page.getByTestId('load-more').click();
      await eventually(() => clusterRows.count()).toBeGreaterThan(before);
    }
    const shown = await tableCounts();
    expect(shown).toEqual(
      new Map(curated.map((cluster) => [cluster.name, [cluster.declared, cluster.inGraph]])),
    );
    // At least one cluster has members in the graph, so the column is not trivially zero.
    expect(Math.max(...curated.map((cluster) => cluster.inGraph))).toBeGreaterThan(0);
    expect(await page.getByRole('alert').count()).toBe(0);
  });

  it('narrows the list to the clusters whose names match the search', async () => {
    const term = 'transylvania';
    const matching = curated.filter((cluster) => new RegExp(`\\b${term}`).test(foldText(cluster.name)));
    expect(matching.length).toBeGreaterThan(0);
    expect(matching.length).toBeLessThan(curated.length);

    await page.goto(`${server.url}/`);
    await page.getByTestId('cluster-search').fill(term);
    await eventually(() => page.url()).toContain(`q=${term}`);
    await eventually(async () => [...(await tableCounts()).keys()].sort()).toEqual(
      matching.map((cluster) => cluster.name).sort(),
    );
    await screenshot('clusters-search');

    // Back to the whole list by the header's link: the box empties and the search stays gone.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Clusters' }).click();
    await eventually(() => page.getByTestId('cluster-search').inputValue()).toBe('');
    await page.waitForTimeout(1_000); // longer than the search box's delay
    expect(page.url()).not.toContain('q=');
    await eventually(() => page.getByTestId('cluster-row').count()).toBe(PAGE_SIZE);
  });

  it('filters by region, sub-regions and disputed claims included', async () => {
    const region = 'RO21';
    const inRegion = await graph.rows(
      `MATCH (c:Cluster {synthetic: false})-[:LOCATED_IN]->(:Region)-[:PART_OF*0..]->(:Region {code: $region})
       RETURN DISTINCT c.name AS name`,
      { region },
    );
    expect(inRegion.length).toBeGreaterThan(0);

    await page.goto(`${server.url}/`);
    await page.getByTestId('region-filter').selectOption(region);
    await eventually(() => page.url()).toContain(`region=${region}`);
    await eventually(async () => [...(await tableCounts()).keys()].sort()).toEqual(
      inRegion.map((row) => row.name as string).sort(),
    );
  });

  it('opens a cluster with its sources and its cooperation network', async () => {
    // The cluster with the most members in the graph: the richest network to look at.
    const cluster = [...curated].sort((a, b) => b.inGraph - a.inGraph || a.name.localeCompare(b.name))[0];
    if (!cluster) throw new Error('no curated cluster');
    const sources = await graph.rows(
      `MATCH (:Cluster {id: $key})-[:SOURCED_FROM]->(s:Source) RETURN s.document AS document, s.section AS section`,
      { key: cluster.key },
    );
    const [network] = await graph.rows(
      `MATCH (c:Cluster {id: $key})
       CALL (c) {
         RETURN c AS n
         UNION MATCH (c)<-[:MANAGES|MEMBER_OF]-(n:Organisation) RETURN n
         UNION MATCH (c)-[:PARTICIPATES_IN]->(n:Project) RETURN n
         UNION MATCH (c)-[:PARTICIPATES_IN]->(:Project)<-[:PARTICIPATES_IN]-(n) RETURN n
         UNION MATCH (c)-[:PARTNER_IN]->(n:Partnership) RETURN n
         UNION MATCH (c)-[:PARTNER_IN]->(:Partnership)<-[:PARTNER_IN]-(n) RETURN n
       }
       RETURN count(DISTINCT n) AS nodes`,
      { key: cluster.key },
    );
    expect(sources.length).toBeGreaterThan(0);

    await page.goto(`${server.url}/`);
    await page.getByTestId('cluster-search').fill(cluster.name);
    await page.getByRole('link', { name: cluster.name, exact: true }).click();
    await eventually(() => new URL(page.url()).pathname).toMatch(/^\/clusters\/[A-Za-z0-9_-]+$/);
    await eventually(() => page.getByTestId('cluster-title').textContent()).toContain(cluster.name);

    const sourceList = page.getByTestId('cluster-sources');
    await eventually(async () =>
      (await sourceList.getByTestId('source-section').allTextContents()).sort(),
    ).toEqual(sources.map((source) => source.section as string).sort());
    expect(new Set(await sourceList.getByTestId('source-document').allTextContents())).toEqual(
      new Set(sources.map((source) => source.document as string)),
    );

    const canvas = page.locator('[data-testid=cooperation-network][data-ready=true]');
    await canvas.waitFor();
    expect(Number(await canvas.getAttribute('data-node-count'))).toBe(network?.nodes);
    const drawn = canvas.locator('canvas').first();
    const box = await drawn.boundingBox();
    expect(box?.width).toBeGreaterThan(200);
    expect(box?.height).toBeGreaterThan(200);
    await screenshot('cluster');

    // Back to the list through the breadcrumb, without a page load.
    await page
      .getByRole('navigation', { name: 'Breadcrumb' })
      .getByRole('link', { name: 'Clusters' })
      .click();
    await eventually(() => page.getByTestId('cluster-row').count()).toBeGreaterThan(0);
    expect(pageErrors).toEqual([]);
  });
});
