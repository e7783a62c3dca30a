import { randomBytes } from 'node:crypto';
import { nodeEntry, refreshSectorSearch, relationshipEntry } from '@clustergraph/ingest';
import { RELATIONSHIP_TYPES, relationshipModel, searchTokens } from '@clustergraph/schema';
import { type FieldProblem, NotFoundError, refuseProblems } from '../../graphql/errors.ts';
import type { Database, ManagedTransaction } from '../database.ts';
import {
  type Edit,
  EditConflictError,
  lockCurrent,
  modelProblems,
  modelPropsOf,
  nodeShape,
  type Props,
  runEdit,
  sourceProblems,
  versionOf,
  writeNode,
} from './edit.ts';
import { formatProblems } from './rules.ts';

export const ORGANISATION_FIELDS = [
  'name',
  'kind',
  'nameLocal',
  'acronym',
  'aliases',
  'country',
  'pic',
  'vat',
  'website',
  'size',
  'naceCodes',
  'capabilities',
  'description',
] as const;

const shape = nodeShape('Organisation');
const field = (property: string) => `input.${property}`;

export function organisationProblems(after: Props, changes: Props): FieldProblem[] {
  return [
    ...modelProblems(shape, { ...after, ...changes }, field).filter((p) => p.field !== 'input.id'),
    ...formatProblems(changes, field),
  ];
}

/** A readable, unique key: org:<name words>-<6 hex>. */
function newOrganisationId(name: string): string {
  const words = searchTokens(name).slice(0, 6).join('-').slice(0, 60) || 'organisation';
  return `org:${words}-${randomBytes(3).toString('hex')}`;
}

/** The props of a model shape with list defaults, the way the loaders store a new node. */
function newNodeProps(changes: Props): Props {
  return { aliases: [], naceCodes: [], capabilities: [], ...changes };
}

export async function createOrganisation(
  db: Database,
  edit: Edit,
  input: { props: Props; regionCode?: string | null | undefined; clusterId?: string | null | undefined },
) {
  const props = newNodeProps(input.props);
  refuseProblems([
    ...sourceProblems(edit.source),
    ...modelProblems(shape, { ...props, id: 'new', synthetic: false, origin: 'CURATED' }, field),
    ...formatProblems(props, field),
  ]);
  const id = newOrganisationId(String(props.name));
  return runEdit(db, edit, async (tx, source) => {
    const entries = [];
    await writeNode(tx, 'Organisation', id, props, props, 1, source, true);
    entries.push(nodeEntry('Organisation', id, null, { ...props, version: 1 }));
    if (input.regionCode) {
      const region = `region:${input.regionCode}`;
      await linkNew(tx, 'LOCATED_IN', id, 'Organisation', region, 'Region', {}, source, 'input.regionCode');
      entries.push(relationshipEntry('LOCATED_IN', id, region, null, { sources: [source] }));
    }
    if (input.clusterId) {
      await linkNew(
        tx,
        'MEMBER_OF',
        id,
        'Organisation',
        input.clusterId,
        'Cluster',
        {},
        source,
        'input.clusterId',
      );
      entries.push(
        relationshipEntry('MEMBER_OF', id, input.clusterId, null, { sources: [source], version: 1 }),
      );
    }
    return { result: { id }, entries };
  });
}

/** Creates a relationship from a node just written to an existing one; NOT_FOUND when that one is not there. */
export async function linkNew(
  tx: ManagedTransaction,
  type: 'LOCATED_IN' | 'MEMBER_OF' | 'IDENTIFIED_IN',
  from: string,
  fromLabel: 'Organisation' | 'Need',
  to: string,
  toLabel: 'Region' | 'Cluster',
  props: Props,
  source: string,
  inputField: string,
): Promise<void> {
  const result = await tx.run(
    `MATCH (a:${fromLabel} {id: $from}) MATCH (b:${toLabel} {id: $to})
     CREATE (a)-[r:${type}]->(b) SET r += $props, r.sources = [$source], r.origin = 'CURATED'${type === 'MEMBER_OF' ? ', r.version = 1' : ''}
     RETURN count(r) AS created`,
    { from, to, props, source },
  );
  if (Number(result.records[0]?.get('created') ?? 0) === 0) {
    throw new NotFoundError(to, `${toLabel} (${inputField})`);
  }
}

export async function updateOrganisation(
  db: Database,
  edit: Edit,
  input: { id: string; globalId: string; version: number; changes: Props },
) {
  return runEdit(db, edit, async (tx, source) => {
    const stored = await lockCurrent(tx, 'Organisation', input.id, input.globalId, input.version);
    const before = modelPropsOf(shape, stored);
    const after = withoutNulls({ ...before, ...input.changes });
    refuseProblems(organisationProblems(before, input.changes));
    const version = versionOf(stored) + 1;
    await writeNode(tx, 'Organisation', input.id, after, input.changes, version, source);
    return {
      result: { id: input.id },
      entries: [nodeEntry('Organisation', input.id, before, { ...after, version, origin: 'CURATED' })],
    };
  });
}

function withoutNulls(props: Props): Props {
  return Object.fromEntries(
    Object.entries(props).filter(([, value]) => value !== null && value !== undefined),
  );
}

type StoredRelationship = { type: string; out: boolean; other: string; props: Props };

async function relationshipsOf(tx: ManagedTransaction, id: string): Promise<StoredRelationship[]> {
  const result = await tx.run(
    `MATCH (n:Organisation {id: $id})-[r]-(x)
     RETURN type(r) AS type, startNode(r) = n AS out, x.id AS other, properties(r) AS props`,
    { id },
  );
  return result.records.map((record) => record.toObject() as StoredRelationship);
}

function entryOf(rel: StoredRelationship, self: string, before: Props | null, after: Props | null) {
  if (rel.type === 'SOURCED_FROM' || !(RELATIONSHIP_TYPES as readonly string[]).includes(rel.type))
    return null;
  const type = rel.type as (typeof RELATIONSHIP_TYPES)[number];
  return rel.out
    ? relationshipEntry(type, self, rel.other, before, after)
    : relationshipEntry(type, rel.other, self, before, after);
}

/** Deletes an organisation with its relationships (ADMIN); the audit keeps every one of them. */
export async function deleteOrganisation(
  db: Database,
  edit: Edit,
  input: { id: string; globalId: string; version: number },
) {
  return runEdit(db, edit, async (tx) => {
    const stored = await lockCurrent(tx, 'Organisation', input.id, input.globalId, input.version);
    const rels = await relationshipsOf(tx, input.id);
    await tx.run('MATCH (n:Organisation {id: $id}) DETACH DELETE n', { id: input.id });
    return {
      result: { id: input.id },
      entries: [
        nodeEntry('Organisation', input.id, modelPropsOf(shape, stored), null),
        ...rels.map((rel) => entryOf(rel, input.id, rel.props, null)),
      ],
    };
  });
}

/** Relationship types an organisation can have, with the direction: the merge moves each. */
const ORGANISATION_HOPS = RELATIONSHIP_TYPES.flatMap((type) =>
  (relationshipModel[type].ends as readonly (readonly [string, string])[]).flatMap(([from, to]) => [
    ...(from === 'Organisation' ? [{ type, out: true, other: to }] : []),
    ...(to === 'Organisation' && from !== 'Organisation' ? [{ type, out: false, other: from }] : []),
  ]),
);

function union(a: unknown, b: unknown): string[] {
  const items = [...(Array.isArray(a) ? a : []), ...(Array.isArray(b) ? b : [])];
  return [...new Set(items.filter((item): item is string => typeof item === 'string'))];
}

/**
 * Two nodes of the same organisation become one (ADMIN): every relationship of `merge` moves to
 * `keep` (one both have keeps `keep`'s properties and takes the union of the sources), its
 * sources too (provenance kept); `keep`'s properties win, `merge`'s fill what `keep` lacks, the
 * lists are joined and `merge`'s names become aliases; then `merge` is deleted.
 */
export async function mergeOrganisations(
  db: Database,
  edit: Edit,
  input: {
    keep: { id: string; globalId: string; version: number };
    merge: { id: string; globalId: string; version: number };
  },
) {
  if (input.keep.id === input.merge.id) {
    throw new EditConflictError('An organisation cannot be merged with itself.', input.keep.globalId);
  }
  return runEdit(db, edit, async (tx, source) => {
    // Locked in key order, so two merges of the same pair cannot wait on each other.
    const keepFirst = input.keep.id.localeCompare(input.merge.id) < 0;
    const [first, second] = keepFirst ? [input.keep, input.merge] : [input.merge, input.keep];
    const lockedFirst = await lockCurrent(tx, 'Organisation', first.id, first.globalId, first.version);
    const lockedSecond = await lockCurrent(tx, 'Organisation', second.id, second.globalId, second.version);
    const keptStored = keepFirst ? lockedFirst : lockedSecond;
    const mergedStored = keepFirst ? lockedSecond : lockedFirst;
    const kept = modelPropsOf(shape, keptStored);
    const merged = modelPropsOf(shape, mergedStored);
    const after: Props = { ...merged, ...withoutNulls(kept) };
    for (const name of ['aliases', 'naceCodes', 'capabilities'])
      after[name] = union(kept[name], merged[name]);
    after.aliases = union(
      after.aliases,
      [merged.name, merged.acronym].filter(
        (name) => typeof name === 'string' && name !== kept.name && name !== kept.acronym,
      ),
    );
    delete after.id;
    delete after.version;
    const rels = await relationshipsOf(tx, input.merge.id);
    for (const hop of ORGANISATION_HOPS) {
      const cypher = hop.out
        ? `MATCH (m:Organisation {id: $merge})-[r:${hop.type}]->(x:${hop.other}) MATCH (k:Organisation {id: $keep})
           WHERE x.id <> $keep
           MERGE (k)-[n:${hop.type}]->(x)
           ON CREATE SET n = properties(r)
           ON MATCH SET n.sources = reduce(s = coalesce(n.sources, []), i IN coalesce(r.sources, []) | CASE WHEN i IN s THEN s ELSE s + i END)
           DELETE r`
        : `MATCH (m:Organisation {id: $merge})<-[r:${hop.type}]-(x:${hop.other}) MATCH (k:Organisation {id: $keep})
           MERGE (k)<-[n:${hop.type}]-(x)
           ON CREATE SET n = properties(r)
           ON MATCH SET n.sources = reduce(s = coalesce(n.sources, []), i IN coalesce(r.sources, []) | CASE WHEN i IN s THEN s ELSE s + i END)
           DELETE r`;
      await tx.run(cypher, { merge: input.merge.id, keep: input.keep.id });
    }
    // The units inside `merge` (PART_OF from another organisation), which the hops above leave.
    await tx.run(
      `MATCH (m:Organisation {id: $merge})<-[r:PART_OF]-(x:Organisation) WHERE x.id <> $keep
       MATCH (k:Organisation {id: $keep}) MERGE (k)<-[n:PART_OF]-(x) ON CREATE SET n = properties(r) DELETE r`,
      { merge: input.merge.id, keep: input.keep.id },
    );
    await tx.run('MATCH (m:Organisation {id: $merge}) DETACH DELETE m', { merge: input.merge.id });
    const changes: Props = {};
    for (const name of Object.keys({ ...kept, ...after })) {
      if (name === 'id' || name === 'version' || name === 'synthetic' || name === 'origin') continue;
      changes[name] = after[name] ?? null;
    }
    const version = versionOf(keptStored) + 1;
    await writeNode(tx, 'Organisation', input.keep.id, after, changes, version, source);
    // The sectors `merge` was active in are `keep`'s now: its searchSectors says them too.
    await refreshSectorSearch(tx, [input.keep.id], ['Organisation']);
    return {
      result: { id: input.keep.id, mergedId: input.merge.id },
      entries: [
        nodeEntry('Organisation', input.keep.id, kept, { ...kept, ...after, version, origin: 'CURATED' }),
        nodeEntry('Organisation', input.merge.id, merged, null),
        ...rels.flatMap((rel) => {
          if (rel.other === input.keep.id) return [entryOf(rel, input.merge.id, rel.props, null)];
          return [
            entryOf(rel, input.merge.id, rel.props, null),
            entryOf(rel, input.keep.id, null, rel.props),
          ];
        }),
      ],
    };
  });
}
