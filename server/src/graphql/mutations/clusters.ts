import { nodesByIds } from '../../db/repositories/nodes.ts';
import { CLUSTER_FIELDS, updateCluster } from '../../db/writes/clusters.ts';
import { definedChanges } from '../../db/writes/rules.ts';
import { builder } from '../builder.ts';
import { unplanned } from '../reads.ts';
import { ClusterRef } from '../refs.ts';
import { CHANGE_ID_DESCRIPTION, editOf, keyOf, SourceInput, scopeKey } from './shared.ts';

const UpdateClusterInput = builder.inputType('UpdateClusterInput', {
  description: 'A cluster’s declared facts. Omitted fields stay as they are; null clears an optional one.',
  fields: (t) => ({
    id: t.id({ required: true }),
    version: t.int({ required: true }),
    name: t.string(),
    nameLocal: t.string(),
    acronym: t.string(),
    aliases: t.stringList(),
    description: t.string(),
    website: t.string({ description: 'An http:// or https:// address.' }),
    foundedOn: t.string({ description: 'YYYY, YYYY-MM or YYYY-MM-DD.' }),
    declaredMemberCount: t.int({ description: 'The number of members the cluster declares.' }),
    declaredMemberCountOn: t.string({
      description: 'The date that count is valid at (YYYY, YYYY-MM or YYYY-MM-DD).',
    }),
    source: t.field({ type: SourceInput, required: true }),
  }),
});

const ClusterPayload = builder.objectRef<{ id: string; changeId: string }>('ClusterPayload').implement({
  extensions: unplanned,
  fields: (t) => ({
    cluster: t.field({
      type: ClusterRef,
      resolve: async (payload, _args, ctx) => {
        const [row] = await nodesByIds(ctx.db, 'Cluster', [payload.id]);
        if (!row) throw new Error(`cluster ${payload.id} is gone after its write`);
        return row;
      },
    }),
    changeId: t.exposeID('changeId', { description: CHANGE_ID_DESCRIPTION }),
  }),
});

builder.mutationField('updateCluster', (t) =>
  t.field({
    type: ClusterPayload,
    description: 'Changes a cluster’s declared facts (EDITOR of the cluster, ADMIN).',
    args: { input: t.arg({ type: UpdateClusterInput, required: true }) },
    authScopes: (_root, { input }) => ({ admin: true, editsCluster: scopeKey(input.id, 'Cluster') }),
    resolve: (_root, { input }, ctx) =>
      updateCluster(ctx.db, editOf(ctx, 'updateCluster', input.source), {
        id: keyOf(input.id, 'Cluster', 'input.id'),
        globalId: String(input.id),
        version: input.version,
        changes: definedChanges(input as Record<string, unknown>, CLUSTER_FIELDS),
      }),
  }),
);
