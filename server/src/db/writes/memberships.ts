import { relationshipEntry } from '@clustergraph/ingest';
import { NotFoundError, refuseProblems } from '../../graphql/errors.ts';
import type { Database, ManagedTransaction } from '../database.ts';
import {
  type Edit,
  EditConflictError,
  modelProblems,
  modelPropsOf,
  type Props,
  relationshipShape,
  runEdit,
  StaleVersionError,
  sourceProblems,
  versionOf,
} from './edit.ts';
import { formatProblems } from './rules.ts';

const shape = relationshipShape('MEMBER_OF');
const field = (property: string) => `input.${property}`;

export type MembershipKeys = {
  organisationId: string;
  clusterId: string;
  organisationGlobalId: string;
  clusterGlobalId: string;
};

function membershipProblems(changes: Props) {
  return [...modelProblems(shape, changes, field), ...formatProblems(changes, field)];
}

async function endsExist(tx: ManagedTransaction, keys: MembershipKeys): Promise<void> {
  const result = await tx.run(
    `OPTIONAL MATCH (o:Organisation {id: $organisationId}) OPTIONAL MATCH (c:Cluster {id: $clusterId})
     RETURN o IS NOT NULL AS organisation, c IS NOT NULL AS cluster`,
    keys,
  );
  const record = result.records[0];
  if (!record?.get('organisation')) throw new NotFoundError(keys.organisationGlobalId, 'organisation');
  if (!record.get('cluster')) throw new NotFoundError(keys.clusterGlobalId, 'cluster');
}

/** Locks the membership, then reads it (lock-then-read, as lockNode). */
async function lockMembership(tx: ManagedTransaction, keys: MembershipKeys): Promise<Props | null> {
  const result = await tx.run(
    `MATCH (:Organisation {id: $organisationId})-[r:MEMBER_OF]->(:Cluster {id: $clusterId})
     SET r._lock = true WITH r REMOVE r._lock RETURN properties(r) AS props`,
    keys,
  );
  return (result.records[0]?.get('props') as Props | undefined) ?? null;
}

async function currentMembership(
  tx: ManagedTransaction,
  keys: MembershipKeys,
  version: number,
): Promise<Props> {
  const stored = await lockMembership(tx, keys);
  if (!stored) {
    await endsExist(tx, keys);
    throw new NotFoundError(keys.organisationGlobalId, `member of cluster ${keys.clusterGlobalId}`);
  }
  if (versionOf(stored) !== version) {
    throw new StaleVersionError('The membership of', keys.organisationGlobalId, version, versionOf(stored));
  }
  return stored;
}

export async function addClusterMember(db: Database, edit: Edit, keys: MembershipKeys, props: Props) {
  refuseProblems([...sourceProblems(edit.source), ...membershipProblems(props)]);
  return runEdit(db, edit, async (tx, source) => {
    await endsExist(tx, keys);
    const result = await tx.run(
      `MATCH (o:Organisation {id: $organisationId}) MATCH (c:Cluster {id: $clusterId})
       MERGE (o)-[r:MEMBER_OF]->(c)
       ON CREATE SET r += $props, r.sources = [$source], r.origin = 'CURATED', r.version = 1, r._created = true
       WITH r, coalesce(r._created, false) AS created REMOVE r._created
       RETURN created, coalesce(r.version, 0) AS version`,
      { ...keys, props, source },
    );
    if (!result.records[0]?.get('created')) {
      throw new EditConflictError(
        `The organisation is already a member of this cluster (membership version ${result.records[0]?.get('version')}); change it with updateClusterMember.`,
        keys.organisationGlobalId,
      );
    }
    await tx.run(
      'MATCH (o:Organisation {id: $organisationId}) MATCH (s:Source {id: $source}) MERGE (o)-[:SOURCED_FROM]->(s)',
      {
        ...keys,
        source,
      },
    );
    return {
      result: keys,
      entries: [
        relationshipEntry('MEMBER_OF', keys.organisationId, keys.clusterId, null, {
          ...props,
          sources: [source],
          version: 1,
        }),
      ],
    };
  });
}

export async function updateClusterMember(
  db: Database,
  edit: Edit,
  keys: MembershipKeys,
  version: number,
  changes: Props,
) {
  refuseProblems([...sourceProblems(edit.source), ...membershipProblems(changes)]);
  return runEdit(db, edit, async (tx, source) => {
    const stored = await currentMembership(tx, keys, version);
    const before = modelPropsOf(shape, stored);
    const sources = [...new Set([...((before.sources as string[] | undefined) ?? []), source])];
    const next = { ...changes, sources, version: version + 1, origin: 'CURATED' };
    await tx.run(
      `MATCH (:Organisation {id: $organisationId})-[r:MEMBER_OF]->(:Cluster {id: $clusterId}) SET r += $next`,
      { ...keys, next },
    );
    const after = Object.fromEntries(
      Object.entries({ ...before, ...next }).filter(([, value]) => value !== null),
    );
    return {
      result: keys,
      entries: [relationshipEntry('MEMBER_OF', keys.organisationId, keys.clusterId, before, after)],
    };
  });
}

export async function removeClusterMember(db: Database, edit: Edit, keys: MembershipKeys, version: number) {
  return runEdit(db, edit, async (tx) => {
    const stored = await currentMembership(tx, keys, version);
    await tx.run(
      'MATCH (:Organisation {id: $organisationId})-[r:MEMBER_OF]->(:Cluster {id: $clusterId}) DELETE r',
      keys,
    );
    return {
      result: keys,
      entries: [
        relationshipEntry(
          'MEMBER_OF',
          keys.organisationId,
          keys.clusterId,
          modelPropsOf(shape, stored),
          null,
        ),
      ],
    };
  });
}
