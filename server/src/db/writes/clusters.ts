import { nodeEntry } from '@clustergraph/ingest';
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
  versionOf,
  writeNode,
} from './edit.ts';
import { formatProblems } from './rules.ts';

export const CLUSTER_FIELDS = [
  'name',
  'nameLocal',
  'acronym',
  'aliases',
  'description',
  'website',
  'foundedOn',
  'declaredMemberCount',
  'declaredMemberCountOn',
] as const;

const shape = nodeShape('Cluster');
const field = (property: string) => `input.${property}`;

/** Changes a cluster's declared facts (names, website, founding date, declared member count). */
export async function updateCluster(
  db: Database,
  edit: Edit,
  input: { id: string; globalId: string; version: number; changes: Props },
) {
  return runEdit(db, edit, async (tx, source) => {
    const stored = await lockCurrent(tx, 'Cluster', input.id, input.globalId, input.version);
    const before = modelPropsOf(shape, stored);
    refuseProblems([
      ...modelProblems(shape, { ...before, ...input.changes }, field),
      ...formatProblems(input.changes, field),
    ]);
    const after = { ...before, ...input.changes };
    const version = versionOf(stored) + 1;
    await writeNode(tx, 'Cluster', input.id, after, input.changes, version, source);
    return {
      result: { id: input.id },
      entries: [nodeEntry('Cluster', input.id, before, { ...after, version, origin: 'CURATED' })],
    };
  });
}
