import { nodeEntry, recordChanges, revertChange } from '@clustergraph/ingest';
import { describe, expect, it } from 'vitest';
import { eventually, screenshot, useDashboard } from '../helpers/dashboard.ts';
import { useGraph } from '../helpers/graph.ts';

/*
 * The History section of an entity page: who changed it, when, what (property by property), and
 * a revert beside the change it reverted. The changes are made through the write side's audit
 * (recordChanges, revertChange), as the mutations make them.
 */

const graph = useGraph();
/** The first curated cluster by key, and what it declared before the test's change. */
let cluster = { key: '', name: '', count: null as number | null };
const dashboard = useDashboard(async () => {
  await graph.reset();
  await graph.loadCurated();
  const [first] = await graph.rows<{ key: string; name: string; count: number | null }>(
    'MATCH (c:Cluster {synthetic: false}) RETURN c.id AS key, c.name AS name, c.declaredMemberCount AS count ORDER BY c.id LIMIT 1',
  );
  if (!first) throw new Error('no curated cluster');
  cluster = first;
  const session = graph.driver.session();
  let changeId = '';
  try {
    changeId = await session.executeWrite(async (tx) => {
      const result = await tx.run(
        `MATCH (c:Cluster {id: $id}) WITH c, properties(c) AS before
         SET c.declaredMemberCount = 4040, c.version = 1
         RETURN before, properties(c) AS after`,
        { id: cluster.key },
      );
      const entry = nodeEntry(
        'Cluster',
        cluster.key,
        result.records[0]?.get('before') as Record<string, unknown>,
        result.records[0]?.get('after') as Record<string, unknown>,
      );
      const { id } = await recordChanges(tx, {
        actor: { id: 'user:ana', name: 'Ana Popescu' },
        operation: 'updateCluster',
        note: 'count from the 2024 annual report',
        entries: entry ? [entry] : [],
      });
      return id;
    });
  } finally {
    await session.close();
  }
  await revertChange(graph.driver, {
    changeId,
    actor: { id: 'user:admin', name: 'Admin Ionescu' },
    note: 'the report counts 2019 members',
  });
});

describe('the History section of an entity page', () => {
  it('shows who changed what and when, property by property, and the revert beside the change', async () => {
    const { page, url, errors } = dashboard;
    await page.goto(`${url}/clusters/${encodeURIComponent(cluster.key.replace(/^cluster:/, ''))}`);
    await eventually(() => page.getByRole('heading', { level: 1 }).textContent()).toContain(
      cluster.name.slice(0, 40),
    );
    const history = page.getByTestId('entity-history');
    const changes = history.getByTestId('history-change');
    await eventually(() => changes.count()).toBe(2);
    expect(await history.getByRole('heading', { level: 2 }).textContent()).toMatch(/History\s*2/);
    expect(await changes.nth(0).getByTestId('history-actor').textContent()).toBe('Admin Ionescu');
    expect(await changes.nth(0).getByTestId('history-operation').textContent()).toBe('Revert change');
    expect(await changes.nth(0).textContent()).toContain('the report counts 2019 members');
    const update = changes.nth(1);
    expect(await update.getByTestId('history-actor').textContent()).toBe('Ana Popescu');
    expect(await update.getByTestId('history-operation').textContent()).toBe('Update cluster');
    expect(await update.getByTestId('history-reverted').textContent()).toContain('reverted by Admin Ionescu');
    const rows = await update
      .getByTestId('history-property')
      .evaluateAll((items) =>
        items.map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent).join(' | ')),
      );
    expect(rows).toEqual([`declaredMemberCount | ${cluster.count ?? '—'} | 4040`, 'version | — | 1']);
    await screenshot(page, 'history-section');
    expect(errors).toEqual([]);
  });

  it('says so when nothing was changed since the load', async () => {
    const { page, url } = dashboard;
    const [other] = await graph.rows<{ key: string }>(
      'MATCH (c:Cluster {synthetic: false}) WHERE c.id <> $id RETURN c.id AS key ORDER BY c.id LIMIT 1',
      { id: cluster.key },
    );
    await page.goto(`${url}/clusters/${encodeURIComponent((other?.key ?? '').replace(/^cluster:/, ''))}`);
    await eventually(() => page.getByTestId('entity-history').textContent()).toContain('No recorded change');
  });
});
