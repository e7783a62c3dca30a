import { randomUUID } from 'node:crypto';
import { nodeEntry, relationshipEntry } from '@clustergraph/ingest';
import { refuseProblems } from '../../graphql/errors.ts';
import type { Database } from '../database.ts';
import {
  type Edit,
  lockCurrent,
  modelProblems,
  modelPropsOf,
  nodeShape,
  type Props,
  runEdit,
  sourceProblems,
  updateFacts,
  writeNode,
} from './edit.ts';
import { linkNew } from './organisations.ts';
import { formatProblems } from './rules.ts';

const shape = nodeShape('Need');
const field = (property: string) => `input.${property}`;

export async function createNeed(
  db: Database,
  edit: Edit,
  input: { props: Props; clusterId?: string | null | undefined; regionCode?: string | null | undefined },
) {
  refuseProblems([
    ...sourceProblems(edit.source),
    ...modelProblems(shape, { ...input.props, id: 'new', synthetic: false, origin: 'CURATED' }, field),
    ...formatProblems(input.props, field),
  ]);
  const id = `need:${randomUUID()}`;
  return runEdit(db, edit, async (tx, source) => {
    await writeNode(tx, 'Need', id, input.props, input.props, 1, source, true);
    const entries = [nodeEntry('Need', id, null, { ...input.props, version: 1 })];
    if (input.clusterId) {
      await linkNew(
        tx,
        'IDENTIFIED_IN',
        id,
        'Need',
        input.clusterId,
        'Cluster',
        {},
        source,
        'input.clusterId',
      );
      entries.push(relationshipEntry('IDENTIFIED_IN', id, input.clusterId, null, { sources: [source] }));
    }
    if (input.regionCode) {
      const region = `region:${input.regionCode}`;
      await linkNew(tx, 'LOCATED_IN', id, 'Need', region, 'Region', {}, source, 'input.regionCode');
      entries.push(relationshipEntry('LOCATED_IN', id, region, null, { sources: [source] }));
    }
    return { result: { id }, entries };
  });
}

export const updateNeed = (
  db: Database,
  edit: Edit,
  input: { id: string; globalId: string; version: number; changes: Props },
) => updateFacts(db, edit, 'Need', input);

export async function deleteNeed(
  db: Database,
  edit: Edit,
  input: { id: string; globalId: string; version: number },
) {
  return runEdit(db, edit, async (tx) => {
    const stored = await lockCurrent(tx, 'Need', input.id, input.globalId, input.version);
    const result = await tx.run(
      `MATCH (n:Need {id: $id})-[r]->(x) WHERE NOT x:Source RETURN type(r) AS type, x.id AS to, properties(r) AS props`,
      { id: input.id },
    );
    await tx.run('MATCH (n:Need {id: $id}) DETACH DELETE n', { id: input.id });
    return {
      result: { id: input.id },
      entries: [
        nodeEntry('Need', input.id, modelPropsOf(shape, stored), null),
        ...result.records.map((record) =>
          relationshipEntry(record.get('type'), input.id, record.get('to'), record.get('props'), null),
        ),
      ],
    };
  });
}
