import { nodesByIds } from '../../db/repositories/nodes.ts';
import { createNeed, deleteNeed, updateNeed } from '../../db/writes/needs.ts';
import { definedChanges } from '../../db/writes/rules.ts';
import { builder } from '../builder.ts';
import { unplanned } from '../reads.ts';
import { NeedRef } from '../refs.ts';
import { NeedKind } from '../types/pilot-action.ts';
import { DeleteNodeInput, DeletePayload } from './organisations.ts';
import { CHANGE_ID_DESCRIPTION, editOf, keyOf, SourceInput, scopeKey } from './shared.ts';

const CreateNeedInput = builder.inputType('CreateNeedInput', {
  fields: (t) => ({
    text: t.string({ required: true, description: 'The gap, need or opportunity, in a sentence or two.' }),
    kind: t.field({ type: NeedKind, required: true }),
    clusterId: t.id({
      description: 'The cluster that has it (required for an EDITOR: one of its clusters).',
    }),
    regionCode: t.string({ description: 'The NUTS code of the region it is in.' }),
    source: t.field({ type: SourceInput, required: true }),
  }),
});

const UpdateNeedInput = builder.inputType('UpdateNeedInput', {
  fields: (t) => ({
    id: t.id({ required: true }),
    version: t.int({ required: true }),
    text: t.string(),
    kind: t.field({ type: NeedKind }),
    source: t.field({ type: SourceInput, required: true }),
  }),
});

const NeedPayload = builder.objectRef<{ id: string; changeId: string }>('NeedPayload').implement({
  extensions: unplanned,
  fields: (t) => ({
    need: t.field({
      type: NeedRef,
      resolve: async (payload, _args, ctx) => {
        const [row] = await nodesByIds(ctx.db, 'Need', [payload.id]);
        if (!row) throw new Error(`need ${payload.id} is gone after its write`);
        return row;
      },
    }),
    changeId: t.exposeID('changeId', { description: CHANGE_ID_DESCRIPTION }),
  }),
});

builder.mutationFields((t) => ({
  createNeed: t.field({
    type: NeedPayload,
    description: 'Records a gap, need or opportunity (EDITOR for one of its clusters, ADMIN).',
    args: { input: t.arg({ type: CreateNeedInput, required: true }) },
    authScopes: (_root, { input }) => ({ admin: true, editsCluster: scopeKey(input.clusterId, 'Cluster') }),
    resolve: (_root, { input }, ctx) =>
      createNeed(ctx.db, editOf(ctx, 'createNeed', input.source), {
        props: definedChanges(input as Record<string, unknown>, ['text', 'kind']),
        clusterId: input.clusterId ? keyOf(input.clusterId, 'Cluster', 'input.clusterId') : null,
        regionCode: input.regionCode,
      }),
  }),
  updateNeed: t.field({
    type: NeedPayload,
    description: 'Changes a need’s text or kind (EDITOR of its cluster, ADMIN).',
    args: { input: t.arg({ type: UpdateNeedInput, required: true }) },
    authScopes: (_root, { input }) => ({ admin: true, editsNeed: scopeKey(input.id, 'Need') }),
    resolve: (_root, { input }, ctx) =>
      updateNeed(ctx.db, editOf(ctx, 'updateNeed', input.source), {
        id: keyOf(input.id, 'Need', 'input.id'),
        globalId: String(input.id),
        version: input.version,
        changes: definedChanges(input as Record<string, unknown>, ['text', 'kind']),
      }),
  }),
  deleteNeed: t.field({
    type: DeletePayload,
    description: 'Deletes a need with its relationships (EDITOR of its cluster, ADMIN).',
    args: { input: t.arg({ type: DeleteNodeInput, required: true }) },
    authScopes: (_root, { input }) => ({ admin: true, editsNeed: scopeKey(input.id, 'Need') }),
    resolve: async (_root, { input }, ctx) => {
      const done = await deleteNeed(ctx.db, editOf(ctx, 'deleteNeed', input.source), {
        id: keyOf(input.id, 'Need', 'input.id'),
        globalId: String(input.id),
        version: input.version,
      });
      return { globalId: String(input.id), changeId: done.changeId };
    },
  }),
}));
