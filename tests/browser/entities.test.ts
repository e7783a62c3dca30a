import { readFile } from 'node:fs/promises';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { eventually, screenshot, useDashboard } from '../helpers/dashboard.ts';
import { useGraph } from '../helpers/graph.ts';

/*
 * Every entity type has a page at a readable address, every list pages, filters and exports,
 * and one search box finds everything. Expected values come from the graph with Cypher.
 */

const graph = useGraph();
const dashboard = useDashboard(async () => {
  await graph.reset();
  await graph.loadCurated();
});

/** The dashboard's address scheme: `/<segment>/<key without its prefix>`. */
const pages = [
  { label: 'Cluster', segment: 'clusters', name: 'name' },
  { label: 'Organisation', segment: 'organisations', name: 'name' },
  { label: 'Project', segment: 'projects', name: 'title' },
  { label: 'Programme', segment: 'programmes', name: 'name' },
  { label: 'Partnership', segment: 'partnerships', name: 'name' },
  { label: 'Region', segment: 'regions', name: 'name' },
  { label: 'Sector', segment: 'sectors', name: 'name' },
  { label: 'ValueChainStage', segment: 'stages', name: 'name' },
  { label: 'Need', segment: 'needs', name: 'text' },
  { label: 'PilotAction', segment: 'pilot-actions', name: 'title' },
  { label: 'GoodPractice', segment: 'good-practices', name: 'name' },
] as const;

/** `cluster:ind-agro-pol` → `ind-agro-pol`; a key with more colons stays whole. */
const slugOf = (key: string) => (key.split(':').length === 2 ? key.slice(key.indexOf(':') + 1) : key);

describe('entity pages', () => {
  it.each(pages)(
    'a $label has a page with its facts, its sources and links to what it is related to',
    async ({ label, segment, name }) => {
      const { page, url, errors } = dashboard;
      // The best connected curated node of the label: its page has the most to show.
      const [node] = await graph.rows(
        `MATCH (n:${label} {synthetic: false})
       RETURN n.id AS key, n.${name} AS name, COUNT { (n)--(:!Source) } AS degree
       ORDER BY degree DESC, key LIMIT 1`,
      );
      if (!node) throw new Error(`no curated ${label}`);
      const sources = await graph.rows(
        `MATCH (:${label} {id: $key})-[:SOURCED_FROM]->(s:Source) RETURN s.section AS section, s.kind AS kind, s.reason AS reason`,
        { key: node.key },
      );
      // Each source says plainly whether the document states the fact or the curators read it.
      const expected = sources
        .map((source) =>
          source.kind === 'INFERENCE'
            ? `${source.section} | Curators' inference from the document: ${source.reason as string}`
            : `${source.section} | Stated in the document`,
        )
        .sort();

      await page.goto(`${url}/${segment}/${encodeURIComponent(slugOf(node.key as string))}`);
      const heading = page.getByRole('heading', { level: 1 });
      const shownName = (node.name as string).slice(0, 60);
      await eventually(() => heading.textContent()).toContain(shownName);
      expect(await page.title()).toContain(shownName);
      const sourceList = page.getByTestId('entity-sources');
      await eventually(async () =>
        (
          await sourceList
            .locator('li:has(> [data-testid=source-section])')
            .evaluateAll((items) =>
              items.map(
                (item) =>
                  `${item.querySelector('[data-testid=source-section]')?.textContent} | ${item.querySelector('[data-testid=source-kind]')?.textContent}`,
              ),
            )
        ).sort(),
      ).toEqual(expected);
      // Links to related entities lead to pages of the dashboard.
      const related = await page
        .locator('main .card a[href^="/"]')
        .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
      expect(related.length).toBeGreaterThan(0);
      for (const href of related) expect(href).toMatch(/^\/[a-z-]+\/[^/]+$/);
      await screenshot(page, `entity-${segment}`);
      expect(errors).toEqual([]);
    },
  );

  it('says plainly when an address names nothing', async () => {
    const { page, url } = dashboard;
    await page.goto(`${url}/organisations/no-such-organisation`);
    await eventually(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(
      'No such organisation',
    );
    expect(await page.title()).toBe('No such organisation · clustergraph');
    await page.goto(`${url}/nowhere/at-all`);
    await eventually(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('No such page');
  });
});

describe('lists', () => {
  it.each([
    ['organisations', 'Organisation'],
    ['projects', 'Project'],
    ['partnerships', 'Partnership'],
    ['needs', 'Need'],
    ['pilot-actions', 'PilotAction'],
    ['good-practices', 'GoodPractice'],
    ['programmes', 'Programme'],
    ['regions', 'Region'],
    ['sectors', 'Sector'],
  ])('/%s counts every curated %s', async (segment, label) => {
    const { page, url } = dashboard;
    const total = await graph.count(`MATCH (n:${label} {synthetic: false}) RETURN count(n)`);
    await page.goto(`${url}/${segment}`);
    await eventually(() => page.getByTestId('list-count').textContent()).toMatch(
      new RegExp(`^Showing \\d+ of ${total} `),
    );
  });

  it('pages through the organisations, filters them by kind, and exports every one as CSV', async () => {
    const { page, url, errors } = dashboard;
    const names = (await graph.rows('MATCH (o:Organisation {synthetic: false}) RETURN o.name AS name')).map(
      (row) => row.name as string,
    );
    await page.goto(`${url}/organisations`);
    const rows = page.getByTestId('list-row');
    await eventually(() => rows.count()).toBe(20);
    expect(names.length).toBeGreaterThan(20);
    while (await page.getByTestId('load-more').isVisible()) {
      const before = await rows.count();
      await page.getByTestId('load-more').click();
      await eventually(() => rows.count()).toBeGreaterThan(before);
    }
    expect((await page.getByTestId('row-name').allTextContents()).sort()).toEqual([...names].sort());

    const download = page.waitForEvent('download');
    await page.getByTestId('export-csv').click();
    const file = await (await download).path();
    const csv = Papa.parse<Record<string, string>>(await readFile(file, 'utf8'), {
      header: true,
      skipEmptyLines: true,
    });
    expect(csv.errors).toEqual([]);
    expect(csv.meta.fields).toContain('Kind');
    expect(csv.data.map((row) => row.Organisation).sort()).toEqual([...names].sort());

    const [kind] = await graph.rows(
      `MATCH (o:Organisation {synthetic: false}) WITH o.kind AS kind, collect(o.name) AS names
       ORDER BY size(names) DESC LIMIT 1 RETURN kind, names`,
    );
    if (!kind) throw new Error('no organisation');
    await page.getByTestId('kind-filter').selectOption(kind.kind as string);
    await eventually(() => page.url()).toContain(`kind=${kind.kind as string}`);
    await eventually(async () => (await page.getByTestId('row-name').allTextContents()).sort()).toEqual(
      [...(kind.names as string[])].sort().slice(0, 20),
    );
    await screenshot(page, 'organisations');
    expect(errors).toEqual([]);
  });
});

describe('global search', () => {
  it('finds any type and opens a hit from the keyboard', async () => {
    const { page, url, errors } = dashboard;
    await page.goto(`${url}/clusters`);
    const box = page.getByTestId('global-search');
    await box.fill('cluj');
    const hits = page.getByTestId('search-hit');
    await eventually(() => hits.count()).toBeGreaterThan(1);
    await box.press('ArrowDown');
    await box.press('ArrowDown');
    const active = await box.getAttribute('aria-activedescendant');
    expect(active).toBeTruthy();
    const second = hits.nth(1);
    expect(await second.getAttribute('id')).toBe(active);
    expect(await second.getAttribute('aria-selected')).toBe('true');
    const name = (await second.locator('.global-search__name').textContent()) ?? '';
    await screenshot(page, 'global-search');
    await box.press('Enter');
    await eventually(() => page.getByRole('heading', { level: 1 }).textContent()).toContain(name);
    expect(await box.getAttribute('aria-expanded')).toBe('false');

    // Enter with no hit chosen shows every hit, grouped by type.
    await box.fill('cluj');
    await eventually(() => hits.count()).toBeGreaterThan(1);
    await box.press('Enter');
    await eventually(() => new URL(page.url()).pathname).toBe('/search');
    await eventually(() => page.getByTestId('search-result').count()).toBeGreaterThan(1);
    expect(errors).toEqual([]);
  });
});
