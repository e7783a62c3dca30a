import {
  type ChangeEntry,
  ensureSchema,
  nodeEntry,
  readChange,
  recordChanges,
  relationshipEntry,
} from '@clustergraph/ingest';
import { beforeAll, describe, expect, it } from 'vitest';
import { useGraph } from '../helpers/graph.ts';

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
