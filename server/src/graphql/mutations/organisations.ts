import { toGlobalId } from '@clustergraph/schema';
import { nodesByIds } from '../../db/repositories/nodes.ts';
import {
  createOrganisation,
  deleteOrganisation,
  mergeOrganisations,
  ORGANISATION_FIELDS,
  updateOrganisation,
} from '../../db/writes/organisations.ts';
import { definedChanges } from '../../db/writes/rules.ts';
import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import { unplanned } from '../reads.ts';
import { OrganisationRef } from '../refs.ts';
import { OrganisationKind } from '../types/shared.ts';
import { CHANGE_ID_DESCRIPTION, editOf, keyOf, SourceInput, scopeKey } from './shared.ts';

export async function organisationRow(ctx: Context, id: string) {
  const [row] = await nodesByIds(ctx.db, 'Organisation', [id]);
  if (!row) throw new Error(`organisation ${id} is gone after its write`);
  return row;
}

const fields = {
  nameLocal: 'The name in its own language, where it differs.',
  acronym: undefined,
  country: 'ISO 3166-1 alpha-2, such as RO.',
  pic: 'The EU participant identification code (nine digits).',
  vat: undefined,
  website: 'An http:// or https:// address.',
  size: 'MICRO, SMALL, MEDIUM or LARGE (companies).',
  description: undefined,
} as const;

const CreateOrganisationInput = builder.inputType('CreateOrganisationInput', {
  fields: (t) => ({
    name: t.string({ required: true }),
    kind: t.field({ type: OrganisationKind, required: true }),
    ...Object.fromEntries(
      Object.entries(fields).map(([name, description]) => [
        name,
        t.string(description ? { description } : {}),
      ]),
    ),
    aliases: t.stringList({ description: 'Other names it goes by.' }),
    naceCodes: t.stringList({ description: 'NACE Rev. 2 codes: a section letter, 13, 13.9 or 13.92.' }),
    capabilities: t.stringList({ description: 'What it can offer partners, in short phrases.' }),
    regionCode: t.string({ description: 'The NUTS code of where it is.' }),
    clusterId: t.id({
      description: 'A cluster it becomes a member of; an EDITOR must name one of its clusters.',
    }),
    source: t.field({ type: SourceInput, required: true }),
  }),
});

const UpdateOrganisationInput = builder.inputType('UpdateOrganisationInput', {
  description:
    'Omitted fields stay as they are; null clears an optional one; a list replaces the whole list.',
  fields: (t) => ({
    id: t.id({ required: true }),
    version: t.int({ required: true, description: 'The `version` the form was filled from.' }),
    name: t.string(),
    kind: t.field({ type: OrganisationKind }),
    ...Object.fromEntries(
      Object.entries(fields).map(([name, description]) => [
        name,
        t.string(description ? { description } : {}),
      ]),
    ),
    aliases: t.stringList(),
    naceCodes: t.stringList({ description: 'NACE Rev. 2 codes.' }),
    capabilities: t.stringList(),
    source: t.field({ type: SourceInput, required: true }),
  }),
});

const MergeOrganisationsInput = builder.inputType('MergeOrganisationsInput', {
  description:
    'Two nodes of the same organisation: `mergeId`’s relationships and sources move to `keepId`, its names become aliases, properties `keepId` lacks are taken over, lists are joined; then `mergeId` is gone.',
  fields: (t) => ({
    keepId: t.id({ required: true }),
    keepVersion: t.int({ required: true }),
    mergeId: t.id({ required: true }),
    mergeVersion: t.int({ required: true }),
    source: t.field({ type: SourceInput, required: true }),
  }),
});

export const DeleteNodeInput = builder.inputType('DeleteNodeInput', {
  fields: (t) => ({
    id: t.id({ required: true }),
    version: t.int({ required: true }),
    source: t.field({ type: SourceInput, required: true }),
  }),
});

const OrganisationPayload = builder
  .objectRef<{ id: string; changeId: string }>('OrganisationPayload')
  .implement({
    extensions: unplanned,
    fields: (t) => ({
      organisation: t.field({
        type: OrganisationRef,
        resolve: (payload, _args, ctx) => organisationRow(ctx, payload.id),
      }),
      changeId: t.exposeID('changeId', { description: CHANGE_ID_DESCRIPTION }),
    }),
  });

const MergeOrganisationsPayload = builder
  .objectRef<{ id: string; mergedId: string; changeId: string }>('MergeOrganisationsPayload')
  .implement({
    extensions: unplanned,
    fields: (t) => ({
      organisation: t.field({
        type: OrganisationRef,
        resolve: (payload, _args, ctx) => organisationRow(ctx, payload.id),
      }),
      mergedId: t.id({
        description: 'The global id that no longer exists.',
        resolve: (payload) => toGlobalId('Organisation', payload.mergedId),
      }),
      changeId: t.exposeID('changeId', { description: CHANGE_ID_DESCRIPTION }),
    }),
  });

export const DeletePayload = builder
  .objectRef<{ globalId: string; changeId: string }>('DeletePayload')
  .implement({
    extensions: unplanned,
    fields: (t) => ({
      deletedId: t.id({
        description: 'The global id that no longer exists.',
        resolve: (payload) => payload.globalId,
      }),
      changeId: t.exposeID('changeId', { description: CHANGE_ID_DESCRIPTION }),
    }),
  });

builder.mutationFields((t) => ({
  createOrganisation: t.field({
    type: OrganisationPayload,
    description:
      'A new organisation (EDITOR into one of its clusters, ADMIN). It is CURATED, stated by the source given.',
    args: { input: t.arg({ type: CreateOrganisationInput, required: true }) },
    authScopes: (_root, { input }) => ({ admin: true, editsCluster: scopeKey(input.clusterId, 'Cluster') }),
    resolve: (_root, { input }, ctx) =>
      createOrganisation(ctx.db, editOf(ctx, 'createOrganisation', input.source), {
        props: definedChanges(input as Record<string, unknown>, ORGANISATION_FIELDS),
        regionCode: input.regionCode,
        clusterId: input.clusterId ? keyOf(input.clusterId, 'Cluster', 'input.clusterId') : null,
      }),
  }),
  updateOrganisation: t.field({
    type: OrganisationPayload,
    description:
      'Changes an organisation’s names, identifiers, NACE codes, capabilities (EDITOR of a cluster it is a member of or manages, ADMIN).',
    args: { input: t.arg({ type: UpdateOrganisationInput, required: true }) },
    authScopes: (_root, { input }) => ({
      admin: true,
      editsOrganisation: scopeKey(input.id, 'Organisation'),
    }),
    resolve: (_root, { input }, ctx) =>
      updateOrganisation(ctx.db, editOf(ctx, 'updateOrganisation', input.source), {
        id: keyOf(input.id, 'Organisation', 'input.id'),
        globalId: String(input.id),
        version: input.version,
        changes: definedChanges(input as Record<string, unknown>, ORGANISATION_FIELDS),
      }),
  }),
  mergeOrganisations: t.field({
    type: MergeOrganisationsPayload,
    description: 'Makes two nodes of the same organisation one (ADMIN).',
    args: { input: t.arg({ type: MergeOrganisationsInput, required: true }) },
    authScopes: { admin: true },
    resolve: (_root, { input }, ctx) =>
      mergeOrganisations(ctx.db, editOf(ctx, 'mergeOrganisations', input.source), {
        keep: {
          id: keyOf(input.keepId, 'Organisation', 'input.keepId'),
          globalId: String(input.keepId),
          version: input.keepVersion,
        },
        merge: {
          id: keyOf(input.mergeId, 'Organisation', 'input.mergeId'),
          globalId: String(input.mergeId),
          version: input.mergeVersion,
        },
      }),
  }),
  deleteOrganisation: t.field({
    type: DeletePayload,
    description: 'Deletes an organisation with all its relationships (ADMIN); the audit keeps what it was.',
    args: { input: t.arg({ type: DeleteNodeInput, required: true }) },
    authScopes: { admin: true },
    resolve: async (_root, { input }, ctx) => {
      const done = await deleteOrganisation(ctx.db, editOf(ctx, 'deleteOrganisation', input.source), {
        id: keyOf(input.id, 'Organisation', 'input.id'),
        globalId: String(input.id),
        version: input.version,
      });
      return { globalId: String(input.id), changeId: done.changeId };
    },
  }),
}));
