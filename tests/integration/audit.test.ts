import { fileURLToPath } from 'node:url';
import {
  type ChangeEntry,
  ensureSchema,
  nodeEntry,
  readChange,
  recordChanges,
  refreshSectorSearch,
  relationshipEntry,
  revertChange,
  runImport,
  undoImport,
} from '@clustergraph/ingest';
import { searchProperties, toGlobalId } from '@clustergraph/schema';
import { issueApiToken } from '@clustergraph/server/auth';
import { createLogger } from '@clustergraph/server/logger';
import { buildYoga } from '@clustergraph/server/yoga';
import type { ManagedTransaction } from 'neo4j-driver';
import { beforeAll, describe, expect, it } from 'vitest';
import { useGraph } from '../helpers/graph.ts';
import { codesOf, send } from '../helpers/requests.ts';

/**
 * The audit log against a real Neo4j: a Change is written in the write's own transaction (and
 * rolls back with it), keeps before and after of what changed, and is found by the ids it
 * touched even once the node is gone.
 */
const graph = useGraph();
const actor = { id: 'user:ana', name: 'Ana Popescu' };

beforeAll(async () => {
  await graph.reset();
  await ensureSchema(graph.driver);
});

describe('recordChanges', () => {
  it('records who, when, which operation and before/after of each entry, in the write transaction', async () => {
    const session = graph.driver.session();
    try {
      const entries: ChangeEntry[] = [
        nodeEntry('Organisation', 'org:audit-1', null, { name: 'Audit SRL', kind: 'SME', version: 1 }),
        relationshipEntry('MEMBER_OF', 'org:audit-1', 'cluster:audit', null, { role: 'MEMBER' }),
      ].filter((entry): entry is ChangeEntry => entry !== null);
      const { id } = await session.executeWrite(async (tx) => {
        await tx.run(
          "CREATE (:Organisation {id: 'org:audit-1', name: 'Audit SRL', kind: 'SME', version: 1})",
        );
        return recordChanges(tx, {
          actor,
          operation: 'createOrganisation',
          note: 'from the member list',
          entries,
        });
      });
      const change = await session.executeRead((tx) => readChange(tx, id));
      expect(change).toMatchObject({
        id,
        actor,
        operation: 'createOrganisation',
        note: 'from the member list',
        importId: null,
        entryCount: 2,
        entries,
      });
      expect(Date.parse(change?.at ?? '')).not.toBeNaN();
    } finally {
      await session.close();
    }
  });

  it('rolls back with the write it records', async () => {
    const session = graph.driver.session();
    try {
      await expect(
        session.executeWrite(async (tx) => {
          await recordChanges(tx, {
            actor,
            operation: 'updateOrganisation',
            entries: [
              {
                kind: 'node',
                id: 'org:rolled-back',
                label: 'Organisation',
                before: { a: 1 },
                after: { a: 2 },
              },
            ],
          });
          throw new Error('the write failed after recording');
        }),
      ).rejects.toThrow('the write failed');
    } finally {
      await session.close();
    }
    expect(await graph.count("MATCH (e:ChangeEntry {nodeId: 'org:rolled-back'}) RETURN count(e)")).toBe(0);
  });

  it('is found by the node it touched after the node is deleted, with one index seek', async () => {
    const session = graph.driver.session();
    try {
      await session.executeWrite(async (tx) => {
        await tx.run("MATCH (n:Organisation {id: 'org:audit-1'}) DETACH DELETE n");
        await recordChanges(tx, {
          actor,
          operation: 'deleteOrganisation',
          entries: [
            {
              kind: 'node',
              id: 'org:audit-1',
              label: 'Organisation',
              before: { name: 'Audit SRL', kind: 'SME', version: 1 },
              after: null,
            },
          ],
        });
      });
    } finally {
      await session.close();
    }
    const operations = await graph.rows<{ operation: string }>(
      `MATCH (e:ChangeEntry {nodeId: $id})<-[:HAS_ENTRY]-(c:Change) RETURN c.operation AS operation ORDER BY c.at`,
      { id: 'org:audit-1' },
    );
    expect(operations.map((row) => row.operation)).toEqual(['createOrganisation', 'deleteOrganisation']);
    const { summary } = await graph.driver.executeQuery(
      'EXPLAIN MATCH (e:ChangeEntry {nodeId: $id}) RETURN e',
      { id: 'org:audit-1' },
    );
    expect(JSON.stringify(summary.plan)).toContain('NodeIndexSeek');
  });

  it('refuses entries outside the model, writing nothing', async () => {
    const before = await graph.count('MATCH (c:Change) RETURN count(c)');
    const session = graph.driver.session();
    try {
      await expect(
        session.executeWrite((tx) =>
          recordChanges(tx, {
            actor,
            operation: 'updateThing',
            entries: [
              { kind: 'node', id: 'x', label: 'Thing' as never, before: null, after: { a: 1 } },
              { kind: 'relationship', type: 'LIKES' as never, from: 'a', to: 'b', before: null, after: null },
            ],
          }),
        ),
      ).rejects.toThrow(/entries\[0\]: "Thing" is not a label.*entries\[1\] has neither before nor after/);
    } finally {
      await session.close();
    }
    expect(await graph.count('MATCH (c:Change) RETURN count(c)')).toBe(before);
  });
});

/** A write as a mutation makes it: the change and its record in one transaction. */
async function write<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
  const session = graph.driver.session();
  try {
    return await session.executeWrite(work);
  } finally {
    await session.close();
  }
}

const admin = { id: 'user:admin', name: 'Admin' };

async function organisation(id: string) {
  const [row] = await graph.rows<{ props: Record<string, unknown> }>(
    'MATCH (n:Organisation {id: $id}) RETURN properties(n) AS props',
    { id },
  );
  return row?.props ?? null;
}

/** Sets properties of an organisation and records it, as an update mutation would. */
async function update(id: string, props: Record<string, unknown>) {
  return write(async (tx) => {
    const result = await tx.run(
      `MATCH (n:Organisation {id: $id}) WITH n, properties(n) AS before
       SET n += $props, n.version = coalesce(n.version, 0) + 1
       RETURN before, properties(n) AS after`,
      { id, props },
    );
    const before = result.records[0]?.get('before') as Record<string, unknown>;
    const after = result.records[0]?.get('after') as Record<string, unknown>;
    const entry = nodeEntry('Organisation', id, before, after);
    return recordChanges(tx, { actor, operation: 'updateOrganisation', entries: entry ? [entry] : [] });
  });
}

describe('revertChange', () => {
  beforeAll(async () => {
    await graph.rows(
      `CREATE (:Organisation {id: 'org:rt', name: 'Round Trip SRL', kind: 'SME', version: 1, naceCodes: ['62.01']})
       CREATE (:Cluster {id: 'cluster:rt', name: 'RT Cluster', version: 1})`,
    );
  });

  it('puts back what a change changed, is recorded as a change itself, and is refused twice', async () => {
    const { id } = await update('org:rt', { name: 'Round Trip SA', naceCodes: ['62.01', '62.02'] });
    expect(await organisation('org:rt')).toMatchObject({ name: 'Round Trip SA', version: 2 });
    const revert = await revertChange(graph.driver, { changeId: id, actor: admin });
    expect(await organisation('org:rt')).toMatchObject({
      name: 'Round Trip SRL',
      naceCodes: ['62.01'],
      version: 3,
    });
    const recorded = await write((tx) => readChange(tx, revert.id));
    expect(recorded).toMatchObject({
      operation: 'revertChange',
      actor: admin,
      revertOf: id,
      entries: [
        {
          kind: 'node',
          id: 'org:rt',
          before: { name: 'Round Trip SA', naceCodes: ['62.01', '62.02'], version: 2 },
          after: { name: 'Round Trip SRL', naceCodes: ['62.01'], version: 3 },
        },
      ],
    });
    expect((await write((tx) => readChange(tx, id)))?.revertedBy).toBe(revert.id);
    await expect(revertChange(graph.driver, { changeId: id, actor: admin })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining(`already reverted by ${revert.id}`),
    });
  });

  it('refuses (CONFLICT) a change whose node changed since, writing nothing', async () => {
    const first = await update('org:rt', { website: 'rt.example' });
    await update('org:rt', { website: 'round-trip.example' });
    const before = await organisation('org:rt');
    const changes = await graph.count('MATCH (c:Change) RETURN count(c)');
    await expect(revertChange(graph.driver, { changeId: first.id, actor: admin })).rejects.toMatchObject({
      code: 'CONFLICT',
      id: 'org:rt',
      message: expect.stringMatching(
        /^Organisation org:rt changed since: (version, website|website, version) no longer/,
      ),
    });
    expect(await organisation('org:rt')).toEqual(before);
    expect(await graph.count('MATCH (c:Change) RETURN count(c)')).toBe(changes);
  });

  it('refuses a stale version the admin saw', async () => {
    const { id } = await update('org:rt', { size: 'SMALL' });
    const current = Number((await organisation('org:rt'))?.version);
    await expect(
      revertChange(graph.driver, { changeId: id, actor: admin, version: current - 1 }),
    ).rejects.toMatchObject({ code: 'CONFLICT', id: 'org:rt' });
    await revertChange(graph.driver, { changeId: id, actor: admin, version: current });
    expect((await organisation('org:rt'))?.size).toBeUndefined();
  });

  it('brings back a deleted node with its relationships, and deletes again what a creation made', async () => {
    const created = await write(async (tx) => {
      await tx.run(
        `MATCH (o:Organisation {id: 'org:rt'}), (c:Cluster {id: 'cluster:rt'})
         CREATE (o)-[:MEMBER_OF {role: 'MEMBER', since: '2020'}]->(c)`,
      );
      const entry = relationshipEntry('MEMBER_OF', 'org:rt', 'cluster:rt', null, {
        role: 'MEMBER',
        since: '2020',
      });
      return recordChanges(tx, { actor, operation: 'addMember', entries: entry ? [entry] : [] });
    });
    const deleted = await write(async (tx) => {
      const result = await tx.run(
        `MATCH (o:Organisation {id: 'org:rt'})-[r:MEMBER_OF]->(c:Cluster {id: 'cluster:rt'})
         WITH o, properties(o) AS node, properties(r) AS rel DETACH DELETE o RETURN node, rel`,
      );
      const node = result.records[0]?.get('node') as Record<string, unknown>;
      const rel = result.records[0]?.get('rel') as Record<string, unknown>;
      return recordChanges(tx, {
        actor,
        operation: 'deleteOrganisation',
        entries: [
          {
            kind: 'relationship',
            type: 'MEMBER_OF',
            from: 'org:rt',
            to: 'cluster:rt',
            before: rel,
            after: null,
          },
          { kind: 'node', id: 'org:rt', label: 'Organisation', before: node, after: null },
        ],
      });
    });
    // A membership whose organisation is gone cannot be reverted on its own.
    await expect(revertChange(graph.driver, { changeId: created.id, actor: admin })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('one of its ends was deleted'),
    });
    await revertChange(graph.driver, { changeId: deleted.id, actor: admin });
    expect(await organisation('org:rt')).toMatchObject({ name: 'Round Trip SRL' });
    expect(
      await graph.count(
        "MATCH (:Organisation {id: 'org:rt'})-[r:MEMBER_OF {role: 'MEMBER', since: '2020'}]->(:Cluster {id: 'cluster:rt'}) RETURN count(r)",
      ),
    ).toBe(1);
    await revertChange(graph.driver, { changeId: created.id, actor: admin });
    expect(await graph.count("MATCH (:Organisation {id: 'org:rt'})-[r:MEMBER_OF]->() RETURN count(r)")).toBe(
      0,
    );
  });

  it('refuses an unknown change and an import run', async () => {
    await expect(revertChange(graph.driver, { changeId: 'change:nope', actor: admin })).rejects.toMatchObject(
      {
        code: 'NOT_FOUND',
        id: 'change:nope',
      },
    );
  });
});

const fixture = (path: string) => fileURLToPath(new URL(`../../ingest/fixtures/${path}`, import.meta.url));

describe('an import', () => {
  it('records one Change per run with its counts, and one for its undo', async () => {
    const report = await runImport(graph.driver, {
      kind: 'cordis',
      path: fixture('cordis-comma'),
      actor: { id: 'user:importer', name: 'Importer' },
    });
    expect(report.outcome).toBe('written');
    const importId = report.importId ?? '';
    const [run] = await graph.rows<{ change: Record<string, unknown>; entries: number }>(
      `MATCH (c:Change {importId: $importId}) RETURN c {.*, at: toString(c.at)} AS change,
         COUNT { (c)-[:HAS_ENTRY]->() } AS entries`,
      { importId },
    );
    expect(run?.entries).toBe(0);
    expect(run?.change).toMatchObject({
      operation: 'import',
      actorId: 'user:importer',
      actorName: 'Importer',
      entryCount: 0,
    });
    expect(JSON.parse(String(run?.change.summary))).toMatchObject({
      stream: 'cordis:cordis-comma',
      file: 'project.csv, organization.csv',
      rows: 10,
      nodes: { created: report.nodes.created },
      relationships: { created: report.relationships.created },
    });

    const again = await runImport(graph.driver, { kind: 'cordis', path: fixture('cordis-comma') });
    expect(again.outcome).toBe('unchanged');
    expect(await graph.count('MATCH (c:Change {importId: $importId}) RETURN count(c)', { importId })).toBe(1);

    await undoImport(graph.driver, importId, { actor: admin });
    const operations = await graph.rows<{ operation: string; actorId: string }>(
      'MATCH (c:Change {importId: $importId}) RETURN c.operation AS operation, c.actorId AS actorId ORDER BY c.at',
      { importId },
    );
    expect(operations).toEqual([
      { operation: 'import', actorId: 'user:importer' },
      { operation: 'undoImport', actorId: 'user:admin' },
    ]);
    const [importChange] = await graph.rows<{ id: string }>(
      "MATCH (c:Change {importId: $importId, operation: 'import'}) RETURN c.id AS id",
      { importId },
    );
    await expect(
      revertChange(graph.driver, { changeId: importChange?.id ?? '', actor: admin }),
    ).rejects.toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringContaining('undo the import') });
  });
});

const HISTORY = `query History($id: ID!, $first: Int, $after: String) {
  node(id: $id) {
    ... on Organisation {
      name
      history(first: $first, after: $after) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges { node {
          id at operation note importId summary actor { id name }
          revertOf { id } revertedBy { id }
          entries { kind action nodeType nodeKey relationshipType fromKey toKey
            changes { property before after } node { id } }
        } }
      }
    }
  }
}`;

const REVERT = `mutation Revert($input: RevertChangeInput!) {
  revertChange(input: $input) {
    change { id operation actor { name } revertOf { id } entries { changes { property before after } } }
    reverted { id revertedBy { id } }
  }
}`;

type HistoryNode = {
  id: string;
  operation: string;
  actor: { id: string; name: string };
  importId: string | null;
  summary: Record<string, unknown> | null;
  revertOf: { id: string } | null;
  revertedBy: { id: string } | null;
  entries: {
    action: string;
    nodeKey: string | null;
    changes: { property: string; before: unknown; after: unknown }[];
  }[];
};
type HistoryData = {
  node: {
    name: string;
    history: {
      totalCount: number;
      pageInfo: { hasNextPage: boolean; endCursor: string };
      edges: { node: HistoryNode }[];
    };
  };
};

describe('the API', () => {
  const api = buildYoga({ db: graph.db, logger: createLogger('silent') });
  const orgId = toGlobalId('Organisation', 'org:api');
  let adminToken: string;
  let viewerToken: string;

  beforeAll(async () => {
    adminToken = (
      await issueApiToken(graph.db, { name: 'Audit admin', role: 'admin', clusterIds: [], createdBy: 'test' })
    ).secret;
    viewerToken = (
      await issueApiToken(graph.db, {
        name: 'Audit reader',
        role: 'viewer',
        clusterIds: [],
        createdBy: 'test',
      })
    ).secret;
    await graph.rows(
      "CREATE (:Organisation {id: 'org:api', name: 'Api SRL', kind: 'SME', version: 1, synthetic: false, origin: 'CURATED'})",
    );
  });

  it('round trip: a write shows in the history, an admin reverts it, the history shows both', async () => {
    const { id } = await update('org:api', { name: 'Api SA' });
    const first = await send<HistoryData>(api, HISTORY, { id: orgId });
    expect(first.errors).toBeUndefined();
    expect(first.data?.node.name).toBe('Api SA');
    expect(first.data?.node.history.totalCount).toBe(1);
    expect(first.data?.node.history.edges[0]?.node).toMatchObject({
      id,
      operation: 'updateOrganisation',
      actor,
      revertedBy: null,
      entries: [
        {
          action: 'UPDATED',
          nodeKey: 'org:api',
          changes: [
            { property: 'name', before: 'Api SRL', after: 'Api SA' },
            { property: 'version', before: 1, after: 2 },
          ],
        },
      ],
    });

    const forbidden = await send(api, REVERT, { input: { id } }, { token: viewerToken });
    expect(codesOf(forbidden)).toEqual(['FORBIDDEN']);
    const anonymous = await send(api, REVERT, { input: { id } });
    expect(codesOf(anonymous)).toEqual(['UNAUTHENTICATED']);
    expect((await organisation('org:api'))?.name).toBe('Api SA');

    const reverted = await send<{
      revertChange: {
        change: { id: string; operation: string; actor: { name: string } };
        reverted: { revertedBy: { id: string } };
      };
    }>(api, REVERT, { input: { id, note: 'the name was right' } }, { token: adminToken });
    expect(reverted.errors).toBeUndefined();
    const revertId = reverted.data?.revertChange.change.id;
    expect(reverted.data?.revertChange).toMatchObject({
      change: { operation: 'revertChange', actor: { name: 'Audit admin' } },
      reverted: { revertedBy: { id: revertId } },
    });

    const after = await send<HistoryData>(api, HISTORY, { id: orgId });
    expect(after.data?.node.name).toBe('Api SRL');
    const edges = after.data?.node.history.edges.map((edge) => edge.node) ?? [];
    expect(edges.map((change) => change.operation)).toEqual(['revertChange', 'updateOrganisation']);
    expect(edges[0]).toMatchObject({
      revertOf: { id },
      entries: [
        {
          changes: [
            { property: 'name', before: 'Api SA', after: 'Api SRL' },
            { property: 'version', before: 2, after: 3 },
          ],
        },
      ],
    });
    expect(edges[1]?.revertedBy).toEqual({ id: revertId });

    const page = await send<HistoryData>(api, HISTORY, { id: orgId, first: 1 });
    expect(page.data?.node.history.pageInfo.hasNextPage).toBe(true);
    const next = await send<HistoryData>(api, HISTORY, {
      id: orgId,
      first: 1,
      after: page.data?.node.history.pageInfo.endCursor,
    });
    expect(next.data?.node.history.edges.map((edge) => edge.node.id)).toEqual([id]);
  });

  it('a revert of a change made stale is CONFLICT naming the node, and writes nothing', async () => {
    const { id } = await update('org:api', { website: 'api.example' });
    await update('org:api', { website: 'api2.example' });
    const changes = await graph.count('MATCH (c:Change) RETURN count(c)');
    const stale = await send(api, REVERT, { input: { id } }, { token: adminToken });
    expect(codesOf(stale)).toEqual(['CONFLICT']);
    expect(stale.errors?.[0]?.extensions?.id).toBe('org:api');
    expect((await organisation('org:api'))?.website).toBe('api2.example');
    expect(await graph.count('MATCH (c:Change) RETURN count(c)')).toBe(changes);
  });

  it('lists the changes of a user and of an import', async () => {
    const byAna = await send<{
      changes: { totalCount: number; edges: { node: { actor: { id: string } } }[] };
    }>(api, '{ changes(actor: "user:ana", first: 100) { totalCount edges { node { actor { id } } } } }');
    expect(byAna.errors).toBeUndefined();
    expect(byAna.data?.changes.totalCount).toBeGreaterThanOrEqual(3);
    expect(byAna.data?.changes.edges.every((edge) => edge.node.actor.id === 'user:ana')).toBe(true);

    const [run] = await graph.rows<{ importId: string }>(
      "MATCH (c:Change {operation: 'import'}) RETURN c.importId AS importId LIMIT 1",
    );
    const ofImport = await send<{
      changes: { edges: { node: { operation: string; summary: { rows: number } } }[] };
    }>(
      api,
      'query Of($importId: ID) { changes(importId: $importId) { edges { node { operation summary } } } }',
      { importId: run?.importId },
    );
    expect(ofImport.data?.changes.edges.map((edge) => edge.node.operation)).toEqual(['undoImport', 'import']);
    expect(ofImport.data?.changes.edges[1]?.node.summary.rows).toBe(10);
  });

  it('a reverted update or delete keeps the organisation findable by the sectors it is active in', async () => {
    const sector = searchProperties('Sector', { name: 'Weaving and knitting' });
    await write(async (tx) => {
      await tx.run(
        `CREATE (s:Sector {id: 'sector:weave', name: 'Weaving and knitting', synthetic: false, origin: 'CURATED'})
         SET s += $sector
         CREATE (o:Organisation {id: 'org:loom', name: 'Loom Works SRL', kind: 'SME', version: 1, synthetic: false, origin: 'CURATED'})
         SET o += $loom
         CREATE (o)-[:ACTIVE_IN {sources: []}]->(s)`,
        { sector, loom: searchProperties('Organisation', { name: 'Loom Works SRL' }) },
      );
      await refreshSectorSearch(tx, ['org:loom']);
    });
    const loomId = toGlobalId('Organisation', 'org:loom');
    const foundBySector = async () => {
      const found = await send<{ search: { node: { id: string } }[] }>(
        api,
        '{ search(query: "knitting", types: [ORGANISATION]) { node { id } } }',
      );
      expect(found.errors).toBeUndefined();
      return found.data?.search.map((hit) => hit.node.id) ?? [];
    };
    const searchSectors = async () =>
      (
        await graph.rows<{ text: string | null }>(
          "MATCH (o:Organisation {id: 'org:loom'}) RETURN o.searchSectors AS text",
        )
      )[0]?.text;
    const written = await searchSectors();
    expect(written).toContain('knitting');
    expect(await foundBySector()).toEqual([loomId]);
    const mutate = async (document: string, input: Record<string, unknown>) => {
      const done = await send<Record<string, { changeId: string }>>(
        api,
        document,
        { input },
        { token: adminToken },
      );
      expect(done.errors).toBeUndefined();
      return Object.values(done.data ?? {})[0]?.changeId ?? '';
    };
    const revert = async (id: string) => {
      const done = await send(api, REVERT, { input: { id } }, { token: adminToken });
      expect(done.errors).toBeUndefined();
    };
    const source = { note: 'checked with the registry' };

    const renamed = await mutate(
      'mutation ($input: UpdateOrganisationInput!) { updateOrganisation(input: $input) { changeId } }',
      { id: loomId, version: 1, name: 'Loom Works SA', source },
    );
    expect(await searchSectors()).toBe(written);
    await revert(renamed);
    expect(await searchSectors()).toBe(written);
    expect(await foundBySector()).toEqual([loomId]);

    const deleted = await mutate(
      'mutation ($input: DeleteNodeInput!) { deleteOrganisation(input: $input) { changeId } }',
      { id: loomId, version: 3, source },
    );
    expect(await foundBySector()).toEqual([]);
    await revert(deleted);
    expect(await searchSectors()).toBe(written);
    expect(await foundBySector()).toEqual([loomId]);
  });

  it('reads the histories of a list of nodes in one round trip', async () => {
    const query = `{ organisations(first: 5) { edges { node { key history(first: 3) { totalCount edges { node { operation } } } } } } }`;
    const once = await graph.graphql(query);
    expect(once.errors).toBeUndefined();
    const withoutHistory = await graph.graphql('{ organisations(first: 5) { edges { node { key } } } }');
    expect(once.roundTrips - withoutHistory.roundTrips).toBe(1);
  });
});
