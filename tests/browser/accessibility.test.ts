import { describe, expect, it } from 'vitest';
import { eventually, seriousViolations, useDashboard } from '../helpers/dashboard.ts';
import { useGraph } from '../helpers/graph.ts';

/*
 * axe-core (WCAG 2.1 A and AA rules) on every view of the dashboard, on the curated graph, and
 * the keyboard path a user without a mouse takes: skip link, focus on the page's heading.
 */

const graph = useGraph();
const dashboard = useDashboard(async () => {
  await graph.reset();
  await graph.loadCurated();
});

/** The address of the best connected curated node of a label: the fullest page to check. */
async function pageOf(label: string, segment: string): Promise<string> {
  const [row] = await graph.rows(
    `MATCH (n:${label} {synthetic: false}) RETURN n.id AS key ORDER BY COUNT { (n)--() } DESC, key LIMIT 1`,
  );
  const key = row?.key as string;
  return `/${segment}/${encodeURIComponent(key.split(':').length === 2 ? key.slice(key.indexOf(':') + 1) : key)}`;
}

const lists = [
  'clusters',
  'organisations',
  'projects',
  'programmes',
  'partnerships',
  'regions',
  'sectors',
  'needs',
  'pilot-actions',
  'good-practices',
];
const entities = [
  ['Cluster', 'clusters'],
  ['Organisation', 'organisations'],
  ['Project', 'projects'],
  ['Programme', 'programmes'],
  ['Partnership', 'partnerships'],
  ['Region', 'regions'],
  ['Sector', 'sectors'],
  ['ValueChainStage', 'stages'],
  ['Need', 'needs'],
  ['PilotAction', 'pilot-actions'],
  ['GoodPractice', 'good-practices'],
] as const;

async function expectNoSeriousViolations(view: string) {
  const { page, url, errors } = dashboard;
  await page.goto(`${url}${view}`);
  await eventually(() => page.locator('[data-testid=skeleton]').count()).toBe(0);
  await eventually(() => page.getByRole('heading', { level: 1 }).count()).toBe(1);
  expect(await seriousViolations(page)).toEqual([]);
  expect(errors).toEqual([]);
}

describe('accessibility: no serious or critical axe-core violation', () => {
  it.each(lists)('on the list /%s', (segment) => expectNoSeriousViolations(`/${segment}`));
  it.each(entities)('on a %s page', async (label, segment) =>
    expectNoSeriousViolations(await pageOf(label, segment)),
  );
  it('on the network explorer, coloured by a measure with brokers highlighted', async () => {
    await expectNoSeriousViolations('/network?colour=betweenness&brokers=on');
  });
  it('on a value chain, the search page and a missing page', async () => {
    await expectNoSeriousViolations(`${await pageOf('Cluster', 'clusters')}/value-chain`);
    await expectNoSeriousViolations('/search?q=cluster');
    await expectNoSeriousViolations('/no-such-page');
  });
});

describe('keyboard', () => {
  it('leads the keyboard past the header with a skip link, and to the new heading after a navigation', async () => {
    const { page, url } = dashboard;
    await page.goto(`${url}/clusters`);
    await eventually(() => page.getByTestId('cluster-row').count()).toBeGreaterThan(0);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to the content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');

    // Follow the first cluster from the keyboard: focus lands on its name.
    const link = page.getByTestId('cluster-name').first();
    const name = (await link.textContent()) ?? '';
    await link.focus();
    await page.keyboard.press('Enter');
    await eventually(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain(name);
  });
});
