import {
  type DatasetFile,
  DatasetInvalidError,
  type Graph,
  type NodeRecord,
  type RelationshipRecord,
  validateDataset,
  writeGraph,
} from '@clustergraph/ingest';
import type { NodeLabel, RelationshipType } from '@clustergraph/schema';
import { loadCurated } from '@clustergraph/seed';
import { beforeAll, describe, expect, it } from 'vitest';
import { canonical, checksum } from '../helpers/canonical.ts';
import { useGraph } from '../helpers/graph.ts';

/**
 * The seed loader's guarantees against a real Neo4j: loading twice changes nothing, a dataset
 * with any problem is refused whole with every problem named (file, record, problem) and nothing
 * written, and a write that fails half-way leaves the graph as it was.
 */

const graph = useGraph();

const SOURCE_LABEL: NodeLabel = 'Source';
const CLUSTER_LABEL: NodeLabel = 'Cluster';

// ---------------------------------------------------------------------------------------------
// What the graph holds, reduced to counts and checksums
// ---------------------------------------------------------------------------------------------

type Snapshot = { nodes: number; relationships: number; nodeChecksum: string; relationshipChecksum: string };

async function snapshot(): Promise<Snapshot> {
  const { records: nodeRecords } = await graph.driver.executeQuery(
    // The dataset's revision stamp changes with every load; the facts are what must not.
    'MATCH (n) WHERE NOT n:DatasetRevision RETURN labels(n) AS labels, properties(n) AS properties',
  );
  const { records: relationshipRecords } = await graph.driver.executeQuery(
    `MATCH (a)-[r]->(b)
     RETURN labels(a) AS fromLabels, a.id AS from, type(r) AS type, labels(b) AS toLabels, b.id AS to,
            properties(r) AS properties`,
  );
  return {
    nodes: nodeRecords.length,
    relationships: relationshipRecords.length,
    nodeChecksum: checksum(
      nodeRecords.map((record) =>
        canonical({ labels: [...record.get('labels')].sort(), properties: record.get('properties') }),
      ),
    ),
    relationshipChecksum: checksum(
      relationshipRecords.map((record) =>
        canonical({
          from: [[...record.get('fromLabels')].sort(), record.get('from')],
          type: record.get('type'),
          to: [[...record.get('toLabels')].sort(), record.get('to')],
          properties: record.get('properties'),
        }),
      ),
    ),
  };
}

/** The error a promise rejects with; fails when it resolves. */
async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the load to be refused, but it succeeded');
}

// ---------------------------------------------------------------------------------------------
// A small hand-made dataset, valid as written; each case breaks it in one way
// ---------------------------------------------------------------------------------------------

const SOURCE = [{ document: 'loader-test.txt', section: 'fixture' }];

const testRegion: NodeRecord = {
  label: 'Region',
  id: 'region:ZZ1',
  props: { code: 'ZZ1', name: 'Loader test region', level: 2 },
  sources: SOURCE,
};
const testCluster: NodeRecord = {
  label: 'Cluster',
  id: 'cluster:loader-test',
  props: { name: 'Loader test cluster', declaredMemberCount: 3 },
  sources: SOURCE,
};
const testProject: NodeRecord = {
  label: 'Project',
  id: 'project:loader-test',
  props: { code: 'LT-1', title: 'Loader test project', startDate: '2018-06-01', endDate: '2020-05-31' },
  sources: SOURCE,
};
const clusterInRegion: RelationshipRecord = {
  type: 'LOCATED_IN',
  from: 'cluster:loader-test',
  to: 'region:ZZ1',
  sources: SOURCE,
};

function file(name: string, nodes: NodeRecord[], relationships: RelationshipRecord[] = []): DatasetFile {
  return { file: name, nodes, relationships };
}

const validFiles = [file('valid.json', [testRegion, testCluster, testProject], [clusterInRegion])];

type Refusal = {
  problem: string;
  files: DatasetFile[];
  /** Every line the refusal must list, as `<file> <record>: <problem>`. */
  lines: string[];
};

const refusals: Refusal[] = [
  {
    problem: 'an unknown label',
    files: [file('bad.json', [testRegion, { ...testCluster, label: 'Clustr' }])],
    lines: ['bad.json nodes[1] cluster:loader-test: unknown label "Clustr"'],
  },
  {
    problem: 'an unknown property',
    files: [file('bad.json', [{ ...testCluster, props: { ...testCluster.props, colour: 'red' } }])],
    lines: ['bad.json nodes[0] cluster:loader-test: unknown property "colour"'],
  },
  {
    problem: 'a property of the wrong type',
    files: [
      file('bad.json', [{ ...testCluster, props: { ...testCluster.props, declaredMemberCount: '3' } }]),
    ],
    lines: ['bad.json nodes[0] cluster:loader-test: property "declaredMemberCount" must be a whole number'],
  },
  {
    problem: 'a missing required property',
    files: [file('bad.json', [{ ...testProject, props: { code: 'LT-1' } }])],
    lines: ['bad.json nodes[0] project:loader-test: property "title" is required'],
  },
  {
    problem: 'a node without a source',
    files: [file('bad.json', [{ ...testCluster, sources: [] }])],
    lines: ['bad.json nodes[0] cluster:loader-test: has no source'],
  },
  {
    problem: 'a relationship without a source',
    files: [file('bad.json', [testRegion, testCluster], [{ ...clusterInRegion, sources: [] }])],
    lines: ['bad.json relationships[0] LOCATED_IN cluster:loader-test -> region:ZZ1: has no source'],
  },
  {
    problem: 'a dangling reference',
    files: [file('bad.json', [testRegion], [clusterInRegion])],
    lines: [
      'bad.json relationships[0] LOCATED_IN cluster:loader-test -> region:ZZ1: dangling reference: no node cluster:loader-test',
    ],
  },
  {
    problem: 'an unknown region code',
    files: [file('bad.json', [testCluster], [{ ...clusterInRegion, to: 'region:XX99' }])],
    lines: [
      'bad.json relationships[0] LOCATED_IN cluster:loader-test -> region:XX99: dangling reference: no node region:XX99',
    ],
  },
  {
    problem: 'an unknown sector code',
    files: [
      file(
        'bad.json',
        [testCluster],
        [{ type: 'ACTIVE_IN', from: 'cluster:loader-test', to: 'sector:no-such-sector', sources: SOURCE }],
      ),
    ],
    lines: [
      'bad.json relationships[0] ACTIVE_IN cluster:loader-test -> sector:no-such-sector: dangling reference: no node sector:no-such-sector',
    ],
  },
  {
    problem: 'a region whose id is not region:<its code>',
    files: [file('bad.json', [{ ...testRegion, props: { ...testRegion.props, code: 'ZZ2' } }])],
    lines: ["bad.json nodes[0] region:ZZ1: a region's id must be region:<code>, got region:ZZ1 for code ZZ2"],
  },
  {
    problem: 'relationship ends the model does not allow',
    files: [
      file(
        'bad.json',
        [testRegion, testCluster],
        [{ type: 'MEMBER_OF', from: 'cluster:loader-test', to: 'region:ZZ1', sources: SOURCE }],
      ),
    ],
    lines: [
      'bad.json relationships[0] MEMBER_OF cluster:loader-test -> region:ZZ1: the model has no MEMBER_OF from Cluster to Region',
    ],
  },
  {
    problem: 'a duplicate id in one file',
    files: [file('bad.json', [testRegion, testCluster, testCluster])],
    lines: ['bad.json nodes[2] cluster:loader-test: duplicate id cluster:loader-test in this file'],
  },
  {
    problem: 'conflicting properties for the same id across files',
    files: [
      file('first.json', [testCluster]),
      file('second.json', [{ ...testCluster, props: { ...testCluster.props, declaredMemberCount: 4 } }]),
    ],
    lines: [
      'second.json nodes[0] cluster:loader-test: property "declaredMemberCount" is 4 here but 3 in first.json',
    ],
  },
  {
    problem: 'a date that is not ISO 8601',
    files: [file('bad.json', [{ ...testProject, props: { ...testProject.props, startDate: '01.06.2018' } }])],
    lines: [
      'bad.json nodes[0] project:loader-test: property "startDate" must be an ISO date that exists (YYYY, YYYY-MM or YYYY-MM-DD)',
    ],
  },
];

// ---------------------------------------------------------------------------------------------
// The tests
// ---------------------------------------------------------------------------------------------

describe('loading the curated dataset', () => {
  beforeAll(async () => {
    await graph.reset();
  });

  it('twice gives the same nodes, relationships and properties', async () => {
    const loaded = await loadCurated(graph.driver);
    const first = await snapshot();
    expect(first.nodes).toBeGreaterThan(loaded.nodes); // the curated nodes and their Source nodes
    expect(
      await graph.count(`MATCH (n) WHERE NOT n:${SOURCE_LABEL} AND NOT n:DatasetRevision RETURN count(n)`),
    ).toBe(loaded.nodes);

    await loadCurated(graph.driver);
    expect(await snapshot()).toEqual(first);
  });

  it('again puts back a curated property that was edited in the database', async () => {
    const loaded = await snapshot();
    await graph.driver.executeQuery(
      `MATCH (n:${CLUSTER_LABEL} {id: 'cluster:astrico-ne'}) SET n.declaredMemberCount = 999`,
    );
    const edited = await snapshot();
    expect(edited.nodeChecksum).not.toBe(loaded.nodeChecksum);

    await loadCurated(graph.driver);
    expect(await snapshot()).toEqual(loaded);
  });
});

describe('a dataset with problems is refused whole, and the graph is left as it was', () => {
  let before: Snapshot;

  beforeAll(async () => {
    await graph.reset();
    await loadCurated(graph.driver);
    before = await snapshot();
  });

  it('the hand-made dataset is valid before it is broken', () => {
    expect(validateDataset(validFiles).problems).toEqual([]);
  });

  it.each(refusals)('refuses $problem, naming file, record and problem', async ({ files, lines }) => {
    const error = await rejectionOf(loadCurated(graph.driver, { files }));
    expect(error).toBeInstanceOf(DatasetInvalidError);
    const refusal = error as DatasetInvalidError;
    expect(refusal.problems).toHaveLength(lines.length);
    for (const line of lines) expect(refusal.message).toContain(`  ${line}`);
    expect(await snapshot()).toEqual(before);
  });

  it('lists every problem when the dataset has many', async () => {
    const conflicting: NodeRecord = { ...testCluster, id: 'cluster:conflicting' };
    const files = [
      file(
        'many.json',
        [
          testRegion,
          { ...testCluster, id: 'cluster:unknown-label', label: 'Clustr' },
          { ...testCluster, id: 'cluster:unknown-property', props: { ...testCluster.props, colour: 'red' } },
          {
            ...testCluster,
            id: 'cluster:wrong-type',
            props: { ...testCluster.props, declaredMemberCount: '3' },
          },
          { ...testCluster, id: 'cluster:no-source', sources: [] },
          { ...testProject, props: { ...testProject.props, startDate: '01.06.2018' } },
          conflicting,
          conflicting,
        ],
        [
          { ...clusterInRegion, from: 'cluster:conflicting', to: 'region:XX99' },
          { ...clusterInRegion, type: 'MEMBER_OF', from: 'cluster:conflicting' },
          { ...clusterInRegion, from: 'cluster:conflicting', sources: [] },
        ],
      ),
      file('more.json', [{ ...conflicting, props: { ...conflicting.props, declaredMemberCount: 4 } }]),
    ];
    const lines = [
      'many.json nodes[1] cluster:unknown-label: unknown label "Clustr"',
      'many.json nodes[2] cluster:unknown-property: unknown property "colour"',
      'many.json nodes[3] cluster:wrong-type: property "declaredMemberCount" must be a whole number',
      'many.json nodes[4] cluster:no-source: has no source',
      'many.json nodes[5] project:loader-test: property "startDate" must be an ISO date that exists (YYYY, YYYY-MM or YYYY-MM-DD)',
      'many.json nodes[7] cluster:conflicting: duplicate id cluster:conflicting in this file',
      'more.json nodes[0] cluster:conflicting: property "declaredMemberCount" is 4 here but 3 in many.json',
      'many.json relationships[0] LOCATED_IN cluster:conflicting -> region:XX99: dangling reference: no node region:XX99',
      'many.json relationships[1] MEMBER_OF cluster:conflicting -> region:ZZ1: the model has no MEMBER_OF from Cluster to Region',
      'many.json relationships[2] LOCATED_IN cluster:conflicting -> region:ZZ1: has no source',
    ];

    const error = await rejectionOf(loadCurated(graph.driver, { files }));
    expect(error).toBeInstanceOf(DatasetInvalidError);
    const refusal = error as DatasetInvalidError;
    expect(refusal.message).toContain(`${lines.length} problem(s)`);
    expect(
      refusal.problems.map((problem) => `${problem.file} ${problem.record}: ${problem.message}`).sort(),
    ).toEqual([...lines].sort());
    for (const line of lines) expect(refusal.message).toContain(`  ${line}`);
    expect(await snapshot()).toEqual(before);
  });
});

describe('a write that fails half-way leaves the graph as it was', () => {
  let before: Snapshot;

  beforeAll(async () => {
    await graph.reset();
    await loadCurated(graph.driver);
    before = await snapshot();
  });

  /**
   * Records the write reaches before the failing one: an edit of a curated node and a new node,
   * so a non-atomic write would leave visible traces.
   */
  const writtenFirst: NodeRecord[] = [
    {
      label: 'Organisation',
      id: 'org:adr-nord-est',
      props: { name: 'Overwritten by a failed load', kind: 'OTHER' },
      sources: SOURCE,
    },
    {
      label: 'Organisation',
      id: 'org:loader-test',
      props: { name: 'Loader test org', kind: 'SME' },
      sources: SOURCE,
    },
  ];

  it('when a value passes validation but is too large for its index', async () => {
    const files = [
      file('too-large.json', [
        ...writtenFirst,
        { ...testCluster, props: { name: 'x'.repeat(40_000) } }, // Neo4j range-index keys hold ~8 kB
      ]),
    ];
    expect(validateDataset(files).problems).toEqual([]);

    const error = await rejectionOf(loadCurated(graph.driver, { files }));
    expect(error).not.toBeInstanceOf(DatasetInvalidError);
    expect(await snapshot()).toEqual(before);
  });

  it('when a record passes validation but breaks a uniqueness constraint', async () => {
    const constraint = 'loader_test_cluster_acronym';
    await graph.driver.executeQuery(
      `CREATE CONSTRAINT ${constraint} IF NOT EXISTS FOR (n:${CLUSTER_LABEL}) REQUIRE n.acronym IS UNIQUE`,
    );
    try {
      const withBefore = await snapshot();
      // 'TREC' is the acronym of a curated cluster (002, project 1).
      const files = [
        file('clash.json', [...writtenFirst, { ...testCluster, props: { name: 'Clash', acronym: 'TREC' } }]),
      ];
      expect(validateDataset(files).problems).toEqual([]);

      const error = await rejectionOf(loadCurated(graph.driver, { files }));
      expect(String(error)).toMatch(/already exists|constraint/i);
      expect(await snapshot()).toEqual(withBefore);
    } finally {
      await graph.driver.executeQuery(`DROP CONSTRAINT ${constraint} IF EXISTS`);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('when a Cypher statement fails after others ran in the same transaction', async () => {
    // Bypasses validation on purpose: Neo4j refuses a map as a property value.
    const located: RelationshipType = 'LOCATED_IN';
    const broken: Graph = {
      nodes: [
        {
          label: 'Organisation',
          id: 'org:loader-test',
          props: { name: 'Loader test org', kind: 'SME' },
          sources: SOURCE,
        },
        { label: 'Region', id: 'region:ZZ1', props: testRegion.props, sources: SOURCE },
      ],
      relationships: [
        {
          type: located,
          from: 'org:loader-test',
          to: 'region:ZZ1',
          props: { nested: { not: 'allowed' } },
          sources: SOURCE,
        },
      ],
    };

    const error = await rejectionOf(writeGraph(graph.driver, broken, { synthetic: false, mode: 'atomic' }));
    expect(String(error)).toMatch(/Property values can only be of primitive types|map/i);
    expect(await snapshot()).toEqual(before);
  });
});
