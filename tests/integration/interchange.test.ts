import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { exportInterchange, formatInterchange, runImport } from '@clustergraph/ingest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonical, checksum } from '../helpers/canonical.ts';
import { useGraph } from '../helpers/graph.ts';

/**
 * The interchange format against a real Neo4j: the curated graph (with a member list imported
 * into it) exported, imported into an empty graph and exported again gives the same document,
 * whole and for one cluster; a refused document writes nothing.
 */
const graph = useGraph();
const memberList = fileURLToPath(
  new URL('../../ingest/fixtures/member-list/astrico-en.csv', import.meta.url),
);

async function digest(): Promise<string> {
  const nodes = await graph.rows(
    // The dataset's revision stamp changes with every write; the facts are what must not.
    'MATCH (n) WHERE NOT n:DatasetRevision RETURN labels(n)[0] AS label, properties(n) AS props',
  );
  const rels = await graph.rows(
    'MATCH (a)-[r]->(b) RETURN a.id AS from, type(r) AS type, b.id AS to, properties(r) AS props',
  );
  return checksum([...nodes.map(canonical), ...rels.map(canonical)]);
}

describe('the interchange format', () => {
  let folder: string;
  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'interchange-'));
    await graph.reset();
    await graph.loadCurated();
    const report = await runImport(graph.driver, {
      kind: 'member-list',
      path: memberList,
      cluster: 'cluster:astrico-ne',
    });
    expect(report.outcome).toBe('written');
  });
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it.each([
    ['the whole graph', undefined],
    ['one cluster', 'cluster:astrico-ne'],
  ])(
    'round-trips %s losslessly: export, import into an empty graph, export again',
    async (_what, clusterId) => {
      const first = formatInterchange(await exportInterchange(graph.driver, { clusterId }));
      const parsed = JSON.parse(first) as { nodes: unknown[]; relationships: unknown[] };
      expect(parsed.nodes.length).toBeGreaterThan(clusterId ? 5 : 100);
      expect(parsed.relationships.length).toBeGreaterThan(clusterId ? 4 : 100);
      const path = join(folder, `${clusterId ?? 'graph'}.json`);
      await writeFile(path, first);

      await graph.reset();
      const report = await runImport(graph.driver, { kind: 'json', path });
      expect(report.problems).toEqual([]);
      expect(report.outcome).toBe('written');
      expect(report.nodes.created).toBe(parsed.nodes.length);
      expect(report.relationships.created).toBe(parsed.relationships.length);
      const second = formatInterchange(await exportInterchange(graph.driver, { clusterId }));
      expect(second).toBe(first);

      const again = await runImport(graph.driver, { kind: 'json', path });
      expect(again.outcome).toBe('unchanged');

      // Back to the curated graph with the member list, for the next case.
      await graph.reset();
      await graph.loadCurated();
      await runImport(graph.driver, { kind: 'member-list', path: memberList, cluster: 'cluster:astrico-ne' });
    },
  );

  it('refuses a document with any bad record whole and writes nothing', async () => {
    const before = await digest();
    const path = join(folder, 'bad.json');
    await writeFile(
      path,
      JSON.stringify({
        format: 'clustergraph-interchange',
        version: 1,
        nodes: [
          { label: 'Organisation', id: 'org:new', props: { name: 'New SRL', kind: 'SME' } },
          { label: 'Organisation', id: 'org:bad', props: { name: 'Bad SRL', kind: 'SME', founded: 1990 } },
        ],
        relationships: [{ type: 'MEMBER_OF', from: 'org:new', to: 'cluster:astrico-ne', props: {} }],
      }),
    );
    const report = await runImport(graph.driver, { kind: 'json', path });
    expect(report.outcome).toBe('refused');
    expect(report.problems).toEqual([
      expect.objectContaining({
        file: 'bad.json',
        field: '/nodes/1/props',
        message: 'org:bad: unknown property "founded"',
      }),
    ]);
    expect(await digest()).toBe(before);
  });

  it('links to a node of the graph the document does not carry (a curated cluster)', async () => {
    const path = join(folder, 'member.json');
    await writeFile(
      path,
      JSON.stringify({
        format: 'clustergraph-interchange',
        version: 1,
        nodes: [
          {
            label: 'Organisation',
            id: 'org:json-member',
            props: { name: 'Json Member SRL', kind: 'SME', country: 'RO' },
          },
        ],
        relationships: [
          { type: 'MEMBER_OF', from: 'org:json-member', to: 'cluster:astrico-ne', props: { since: '2020' } },
        ],
      }),
    );
    const report = await runImport(graph.driver, { kind: 'json', path });
    expect(report.problems).toEqual([]);
    expect(
      await graph.count(
        "MATCH (:Organisation {id: 'org:json-member'})-[r:MEMBER_OF {since: '2020'}]->(:Cluster {id: 'cluster:astrico-ne'}) RETURN count(r)",
      ),
    ).toBe(1);
  });
});
