import { readFile } from 'node:fs/promises';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { eventually, screenshot, seriousViolations, useDashboard } from '../helpers/dashboard.ts';
import { useGraph } from '../helpers/graph.ts';

/*
 * The network explorer draws what the API's `network` answers (its metrics are tested against
 * networkx and Cypher in the analytics tests): the same nodes in the drawing and the table, the
 * period control changing the network, selection shared through the URL, exports that read back.
 */

const graph = useGraph();
const dashboard = useDashboard(async () => {
  await graph.reset();
  await graph.loadCurated();
});

type Answer = {
  network: {
    description: { nodeCount: number; edgeCount: number };
    nodes: { key: string; label: string; degree: number }[];
    edges: { source: string; target: string }[];
  };
};
const NETWORK = `query ($filter: FilterNetworkInput) {
  network(filter: $filter, first: 500, metrics: [DEGREE]) {
    description { nodeCount edgeCount }
    nodes { key label degree }
    edges { source target }
  }
}`;
const networkOf = async (filter: Record<string, unknown> = {}) => {
  const answer = await graph.graphql<Answer>(NETWORK, { filter });
  expect(answer.errors).toBeUndefined();
  if (!answer.data) throw new Error('no network');
  return answer.data.network;
};

describe('network explorer', () => {
  it('draws the API’s network, lists the same nodes, and selects from the table', async () => {
    const { page, url, errors } = dashboard;
    const expected = await networkOf();
    expect(expected.nodes.length).toBeGreaterThan(3);

    await page.goto(`${url}/network`);
    await eventually(() => page.getByTestId('explorer-title').textContent()).toBe('Network explorer');
    const canvas = page.getByTestId('explorer-canvas');
    await eventually(() => canvas.getAttribute('data-ready')).toBe('true');
    expect(Number(await canvas.getAttribute('data-node-count'))).toBe(expected.nodes.length);
    expect(Number(await canvas.getAttribute('data-edge-count'))).toBe(expected.edges.length);
    await eventually(() => page.getByTestId('explorer-summary').textContent()).toContain(
      `${expected.nodes.length} of ${expected.description.nodeCount} nodes`,
    );

    // The table sorted by partners begins with the best-tied node; choosing it selects it.
    await page.getByRole('button', { name: /^Partners/ }).click();
    const best = [...expected.nodes].sort((a, b) => b.degree - a.degree || a.label.localeCompare(b.label))[0];
    if (!best) throw new Error('no node');
    const firstRow = page.getByTestId('explorer-row').first();
    await eventually(() => firstRow.locator('th').textContent()).toBe(best.label);
    // Keyboard only: focus the row's button and press Enter.
    await firstRow.getByRole('button').focus();
    await page.keyboard.press('Enter');
    await eventually(() => page.url()).toContain(`sel=${encodeURIComponent(best.key)}`);
    const details = page.getByTestId('explorer-details');
    await eventually(() => details.getByTestId('details-degree').textContent()).toBe(String(best.degree));
    await eventually(() => details.getByTestId('details-ties').locator('li').count()).toBe(best.degree);
    await screenshot(page, 'network-explorer');
    expect(await seriousViolations(page)).toEqual([]);

    // The whole state is in the URL: a fresh page of it shows the same selection and looks.
    await page.getByTestId('explorer-colour').selectOption('organisationKind');
    await eventually(() => page.url()).toContain('colour=organisationKind');
    const shared = page.url();
    await page.goto('about:blank');
    await page.goto(shared);
    await eventually(() => page.getByTestId('explorer-canvas').getAttribute('data-ready')).toBe('true');
    await eventually(() => page.getByTestId('details-degree').textContent()).toBe(String(best.degree));
    expect(await page.getByTestId('explorer-colour').inputValue()).toBe('organisationKind');
    expect(errors).toEqual([]);
  });

  it('changes the network with the period, and exports what it shows', async () => {
    const { page, url, errors } = dashboard;
    const whole = await networkOf();
    // A first year that leaves part of the network: later projects only.
    let year = 0;
    let part: Answer['network'] | undefined;
    for (const candidate of [2014, 2016, 2018, 2020, 2022, 2024]) {
      const network = await networkOf({ period: { from: String(candidate) } });
      if (network.nodes.length > 0 && network.description.edgeCount < whole.description.edgeCount) {
        year = candidate;
        part = network;
        break;
      }
    }
    if (!part) throw new Error('no year splits the curated network');

    await page.goto(`${url}/network`);
    await eventually(() => page.getByTestId('explorer-canvas').getAttribute('data-ready')).toBe('true');
    await page.getByTestId('explorer-from').selectOption(String(year));
    await eventually(() => page.url()).toContain(`from=${year}`);
    await eventually(() => page.getByTestId('explorer-summary').textContent()).toContain(
      `${part.edges.length} of ${part.description.edgeCount} ties`,
    );
    await eventually(() => page.getByTestId('explorer-canvas').getAttribute('data-edge-count')).toBe(
      String(part.edges.length),
    );
    expect(await page.getByTestId('ties-by-year').locator('tbody tr').count()).toBeGreaterThan(0);

    const downloadOf = async (testId: string) => {
      const download = page.waitForEvent('download');
      await page.getByTestId(testId).click();
      return readFile(await (await download).path(), 'utf8');
    };
    const nodes = Papa.parse<Record<string, string>>(await downloadOf('export-nodes-csv'), {
      header: true,
      skipEmptyLines: true,
    });
    expect(nodes.data.map((row) => row.key).sort()).toEqual(part.nodes.map((node) => node.key).sort());
    const ties = Papa.parse<Record<string, string>>(await downloadOf('export-edges-csv'), {
      header: true,
      skipEmptyLines: true,
    });
    expect(ties.data).toHaveLength(part.edges.length);
    const gexf = await downloadOf('export-gexf');
    expect(gexf).toContain('<gexf');
    expect(gexf.match(/<node /g)?.length).toBe(part.nodes.length);
    const png = page.waitForEvent('download');
    await page.getByTestId('export-png').click();
    const pngBytes = await readFile(await (await png).path());
    expect(pngBytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(await seriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });
});
