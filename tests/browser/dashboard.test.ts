import { foldText } from '@clustergraph/schema';
import { describe, expect, it } from 'vitest';
import { eventually, screenshot, useDashboard } from '../helpers/dashboard.ts';
import { useGraph } from '../helpers/graph.ts';

/*
 * The clusters list and a cluster's page against the real stack: the curated graph in Neo4j, the
 * API serving the built dashboard, and Debian's Chromium. Every expected value is read from the
 * graph with Cypher, never copied from the dataset.
 */

const graph = useGraph();
type CuratedCluster = { key: string; name: string; declared: number | null; inGraph: number };
let curated: CuratedCluster[];

const dashboard = useDashboard(async () => {
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
});

/** "1,234" or "—" as the table shows them. */
function parseCount(text: string): number | null {
  const digits = text.replace(/[^0-9]/g, '');
  return digits === '' ? null : Number(digits);
}

/** Name → [declared, in the graph] as the table shows them. */
async function tableCounts(): Promise<Map<string, [number | null, number | null]>> {
  const shown = await dashboard.page.getByTestId('cluster-row').evaluateAll((trs) =>
    trs.map((tr) => ({
      name: tr.querySelector('[data-testid=cluster-name]')?.textContent ?? '',
      declared: tr.querySelector('[data-testid=declared-members]')?.textContent ?? '',
      inGraph: tr.querySelector('[data-testid=graph-members]')?.textContent ?? '',
    })),
  );
  return new Map(shown.map((row) => [row.name, [parseCount(row.declared), parseCount(row.inGraph)]]));
}

describe('clusters', () => {
  it('lists the curated clusters with declared and graph member counts, at a readable address', async () => {
    const { page, url } = dashboard;
    await page.goto(`${url}/`);
    await eventually(() => new URL(page.url()).pathname).toBe('/clusters');
    await eventually(() => page.getByTestId('list-count').textContent()).toBe(
      `Showing ${curated.length} of ${curated.length} curated clusters`,
    );
    expect(await page.title()).toBe('Clusters · clustergraph');
    await screenshot(page, 'clusters');
    expect(await tableCounts()).toEqual(
      new Map(curated.map((cluster) => [cluster.name, [cluster.declared, cluster.inGraph]])),
    );
    // At least one cluster has members in the graph, so the column is not trivially zero.
    expect(Math.max(...curated.map((cluster) => cluster.inGraph))).toBeGreaterThan(0);
    expect(await page.getByRole('alert').count()).toBe(0);
  });

  it('narrows the list to the clusters whose names match the search', async () => {
    const { page, url } = dashboard;
    const term = 'transylvania';
    const matching = curated.filter((cluster) => new RegExp(`\\b${term}`).test(foldText(cluster.name)));
    expect(matching.length).toBeGreaterThan(0);
    expect(matching.length).toBeLessThan(curated.length);

    await page.goto(`${url}/clusters`);
    await page.getByTestId('list-search').fill(term);
    await eventually(() => page.url()).toContain(`q=${term}`);
    await eventually(async () => [...(await tableCounts()).keys()].sort()).toEqual(
      matching.map((cluster) => cluster.name).sort(),
    );

    // Back to the whole list by the header's link: the box empties and the search stays gone.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Clusters' }).click();
    await eventually(() => page.getByTestId('list-search').inputValue()).toBe('');
    await page.waitForTimeout(1_000); // longer than the search box's delay
    expect(page.url()).not.toContain('q=');
    await eventually(() => page.getByTestId('cluster-row').count()).toBe(curated.length);
  });

  it('filters by region, sub-regions and disputed claims included, and by sector', async () => {
    const { page, url } = dashboard;
    const region = 'RO21';
    const inRegion = await graph.rows(
      `MATCH (c:Cluster {synthetic: false})-[:LOCATED_IN]->(:Region)-[:PART_OF*0..]->(:Region {code: $region})
       RETURN DISTINCT c.name AS name`,
      { region },
    );
    expect(inRegion.length).toBeGreaterThan(0);
    await page.goto(`${url}/clusters`);
    await page.getByTestId('region-filter').selectOption(region);
    await eventually(() => page.url()).toContain(`region=${region}`);
    await eventually(async () => [...(await tableCounts()).keys()].sort()).toEqual(
      inRegion.map((row) => row.name as string).sort(),
    );

    const [sector] = await graph.rows(
      `MATCH (c:Cluster {synthetic: false})-[:ACTIVE_IN]->(s:Sector)
       WITH s, collect(c.name) AS names ORDER BY size(names) DESC, s.code LIMIT 1
       RETURN s.code AS code, names`,
    );
    if (!sector) throw new Error('no cluster has a sector');
    await page.goto(`${url}/clusters?sector=${sector.code as string}`);
    await eventually(async () => [...(await tableCounts()).keys()].sort()).toEqual(
      [...(sector.names as string[])].sort(),
    );
  });

  it('opens a cluster with its sources and every member with the ties between them, and moves the focus to its name', async () => {
    const { page, url, errors } = dashboard;
    // The cluster with the most members in the graph: the richest network to look at.
    const cluster = [...curated].sort((a, b) => b.inGraph - a.inGraph || a.name.localeCompare(b.name))[0];
    if (!cluster) throw new Error('no curated cluster');
    const sources = await graph.rows(
      `MATCH (:Cluster {id: $key})-[:SOURCED_FROM]->(s:Source) RETURN s.document AS document, s.section AS section`,
      { key: cluster.key },
    );
    // Every member, and a tie for each pair of members sharing a project.
    const [network] = await graph.rows(
      `MATCH (c:Cluster {id: $key})
       RETURN COUNT { (c)<-[:MEMBER_OF]-(:Organisation) } AS nodes,
              COUNT {
                MATCH (a:Organisation)-[:MEMBER_OF]->(c)<-[:MEMBER_OF]-(b:Organisation)
                WHERE a.id < b.id AND EXISTS { (a)-[:PARTICIPATES_IN]->(:Project)<-[:PARTICIPATES_IN]-(b) }
              } AS ties`,
      { key: cluster.key },
    );
    expect(sources.length).toBeGreaterThan(0);

    await page.goto(`${url}/clusters?q=${encodeURIComponent(cluster.name)}`);
    await page.getByRole('link', { name: cluster.name, exact: true }).click();
    // The address is the graph key without its label prefix.
    await eventually(() => decodeURIComponent(new URL(page.url()).pathname)).toBe(
      `/clusters/${cluster.key.replace(/^cluster:/, '')}`,
    );
    const title = page.getByTestId('cluster-title');
    await eventually(() => title.textContent()).toContain(cluster.name);
    await eventually(() => page.title()).toBe(`${cluster.name} · cluster · clustergraph`);
    await eventually(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'cluster-title',
    );

    const sourceList = page.getByTestId('entity-sources');
    await eventually(async () =>
      (await sourceList.getByTestId('source-section').allTextContents()).sort(),
    ).toEqual(sources.map((source) => source.section as string).sort());
    expect(new Set(await sourceList.getByTestId('source-document').allTextContents())).toEqual(
      new Set(sources.map((source) => source.document as string)),
    );

    const canvas = page.locator('[data-testid=cooperation-network][data-ready=true]');
    await canvas.waitFor();
    expect(Number(await canvas.getAttribute('data-node-count'))).toBe(network?.nodes);
    expect(Number(await canvas.getAttribute('data-edge-count'))).toBe(network?.ties);
    const box = await canvas.locator('canvas').first().boundingBox();
    expect(box?.width).toBeGreaterThan(200);
    expect(box?.height).toBeGreaterThan(200);
    await screenshot(page, 'cluster');

    // Back to the list through the breadcrumb, without a page load.
    await page
      .getByRole('navigation', { name: 'Breadcrumb' })
      .getByRole('link', { name: 'Clusters' })
      .click();
    await eventually(() => page.getByTestId('cluster-row').count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });

  it('keeps the frame and offers a retry when the server is unreachable, then shows the cluster', async () => {
    const { url } = dashboard;
    const cluster = curated[0];
    if (!cluster) throw new Error('no curated cluster');
    // A fresh page, so the cluster page's code has not been fetched yet.
    const page = await dashboard.browser.newPage({ viewport: { width: 1360, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${url}/clusters`);
    await eventually(() => page.getByTestId('cluster-row').count()).toBeGreaterThan(0);
    // The server goes away: neither the cluster page's code nor the API answers.
    const code = /\/assets\/ClusterView-.*\.js$/;
    const api = /\/graphql$/;
    const unreachable = (route: { abort: () => Promise<void> }) => route.abort();
    await page.route(code, unreachable);
    await page.route(api, unreachable);

    await page.getByRole('link', { name: cluster.name, exact: true }).click();
    await eventually(() => page.getByTestId('route-error').isVisible()).toBe(true);
    expect(await page.getByRole('navigation', { name: 'Main' }).isVisible()).toBe(true);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('This page could not be shown');
    await screenshot(page, 'cluster-unreachable');

    // The code comes back, the API not yet: the view says so in place, with its own retry.
    await page.unroute(code, unreachable);
    await page.getByTestId('retry').click();
    await eventually(() => page.getByTestId('error-notice').isVisible()).toBe(true);

    await page.unroute(api, unreachable);
    await page.getByTestId('retry').click();
    await eventually(() => page.getByTestId('cluster-title').textContent()).toContain(cluster.name);
    expect(errors).toEqual([]);
    await page.close();
  });
});
