import { nodesByIds } from '../../db/repositories/nodes.ts';
import { markStageProvided, type StageKeys, unmarkStageProvided } from '../../db/writes/stages.ts';
import { builder } from '../builder.ts';
import { unplanned } from '../reads.ts';
import { OrganisationRef, ValueChainStageRef } from '../refs.ts';
import { organisationRow } from './organisations.ts';
import { CHANGE_ID_DESCRIPTION, editOf, keyOf, SourceInput, scopeKey } from './shared.ts';

const StageProvidedInput = builder.inputType('StageProvidedInput', {
  fields: (t) => ({
    organisationId: t.id({ required: true }),
    stageId: t.id({ required: true, description: 'A `ValueChainStage` id (see `Sector.stages`).' }),
    source: t.field({ type: SourceInput, required: true }),
  }),
});

const StageProvidedPayload = builder
  .objectRef<StageKeys & { changeId: string }>('StageProvidedPayload')
  .implement({
    extensions: unplanned,
    fields: (t) => ({
      organisation: t.field({
        type: OrganisationRef,
        resolve: (p, _args, ctx) => organisationRow(ctx, p.organisationId),
      }),
      stage: t.field({
        type: ValueChainStageRef,
        resolve: async (p, _args, ctx) => {
          const [row] = await nodesByIds(ctx.db, 'ValueChainStage', [p.stageId]);
          if (!row) throw new Error(`stage ${p.stageId} is gone`);
          return row;
        },
      }),
      changeId: t.exposeID('changeId', { description: CHANGE_ID_DESCRIPTION }),
    }),
  });

function keysOf(input: { organisationId: string | number; stageId: string | number }): StageKeys {
  return {
    organisationId: keyOf(input.organisationId, 'Organisation', 'input.organisationId'),
    stageId: keyOf(input.stageId, 'ValueChainStage', 'input.stageId'),
    organisationGlobalId: String(input.organisationId),
    stageGlobalId: String(input.stageId),
  };
}

builder.mutationFields((t) => ({
  markStageProvided: t.field({
    type: StageProvidedPayload,
    description:
      'States that an organisation provides a value-chain stage (EDITOR of a cluster it is a member of, ADMIN); already provided: the source is added.',
    args: { input: t.arg({ type: StageProvidedInput, required: true }) },
    authScopes: (_root, { input }) => ({
      admin: true,
      editsOrganisation: scopeKey(input.organisationId, 'Organisation'),
    }),
    resolve: async (_root, { input }, ctx) => {
      const keys = keysOf(input);
      const done = await markStageProvided(ctx.db, editOf(ctx, 'markStageProvided', input.source), keys);
      return { ...keys, changeId: done.changeId };
    },
  }),
  unmarkStageProvided: t.field({
    type: StageProvidedPayload,
    description:
      'The organisation no longer provides the stage (EDITOR of a cluster it is a member of, ADMIN).',
    args: { input: t.arg({ type: StageProvidedInput, required: true }) },
    authScopes: (_root, { input }) => ({
      admin: true,
      editsOrganisation: scopeKey(input.organisationId, 'Organisation'),
    }),
    resolve: async (_root, { input }, ctx) => {
      const keys = keysOf(input);
      const done = await unmarkStageProvided(ctx.db, editOf(ctx, 'unmarkStageProvided', input.source), keys);
      return { ...keys, changeId: done.changeId };
    },
  }),
}));
