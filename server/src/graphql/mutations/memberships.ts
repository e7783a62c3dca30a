import { nodesByIds } from '../../db/repositories/nodes.ts';
import {
  addClusterMember,
  type MembershipKeys,
  removeClusterMember,
  updateClusterMember,
} from '../../db/writes/memberships.ts';
import { definedChanges } from '../../db/writes/rules.ts';
import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import { unplanned } from '../reads.ts';
import { ClusterRef, OrganisationRef } from '../refs.ts';
import { organisationRow } from './organisations.ts';
import { CHANGE_ID_DESCRIPTION, editOf, keyOf, SourceInput, scopeKey } from './shared.ts';

type Membership = { role: string | null; since: string | null; version: number };
type Shape = MembershipKeys & { changeId: string; membership: Membership | null };

async function clusterRow(ctx: Context, id: string) {
  const [row] = await nodesByIds(ctx.db, 'Cluster', [id]);
  if (!row) throw new Error(`cluster ${id} is gone after its write`);
  return row;
}

async function membershipOf(ctx: Context, keys: MembershipKeys): Promise<Membership | null> {
  const [row] = await ctx.db.read<Membership>(
    `MATCH (:Organisation {id: $organisationId})-[r:MEMBER_OF]->(:Cluster {id: $clusterId})
     RETURN r.role AS role, r.since AS since, coalesce(r.version, 0) AS version`,
    { organisationId: keys.organisationId, clusterId: keys.clusterId },
  );
  return row ?? null;
}

const ClusterMembership = builder.objectRef<Shape>('ClusterMembership').implement({
  description: 'An organisation’s membership of a cluster (MEMBER_OF).',
  extensions: unplanned,
  fields: (t) => ({
    cluster: t.field({ type: ClusterRef, resolve: (m, _args, ctx) => clusterRow(ctx, m.clusterId) }),
    organisation: t.field({
      type: OrganisationRef,
      resolve: (m, _args, ctx) => organisationRow(ctx, m.organisationId),
    }),
    role: t.string({ nullable: true, resolve: (m) => m.membership?.role ?? null }),
    since: t.string({ nullable: true, resolve: (m) => m.membership?.since ?? null }),
    version: t.int({ resolve: (m) => m.membership?.version ?? 0 }),
  }),
});

const ClusterMemberPayload = builder.objectRef<Shape>('ClusterMemberPayload').implement({
  extensions: unplanned,
  fields: (t) => ({
    membership: t.field({
      type: ClusterMembership,
      nullable: true,
      description: 'The membership as it is now; null after removeClusterMember.',
      resolve: (payload) => (payload.membership ? payload : null),
    }),
    cluster: t.field({
      type: ClusterRef,
      resolve: (payload, _args, ctx) => clusterRow(ctx, payload.clusterId),
    }),
    changeId: t.exposeID('changeId', { description: CHANGE_ID_DESCRIPTION }),
  }),
});

const roleField = 'As the cluster names it: founding member, member, associate, ...';
const sinceField = 'When it joined: YYYY, YYYY-MM or YYYY-MM-DD.';

const AddClusterMemberInput = builder.inputType('AddClusterMemberInput', {
  fields: (t) => ({
    clusterId: t.id({ required: true }),
    organisationId: t.id({ required: true }),
    role: t.string({ description: roleField }),
    since: t.string({ description: sinceField }),
    source: t.field({ type: SourceInput, required: true }),
  }),
});

const UpdateClusterMemberInput = builder.inputType('UpdateClusterMemberInput', {
  description: 'Omitted fields stay as they are; null clears one.',
  fields: (t) => ({
    clusterId: t.id({ required: true }),
    organisationId: t.id({ required: true }),
    version: t.int({
      required: true,
      description: 'The membership’s version (`ClusterMemberEdge.version`).',
    }),
    role: t.string({ description: roleField }),
    since: t.string({ description: sinceField }),
    source: t.field({ type: SourceInput, required: true }),
  }),
});

const RemoveClusterMemberInput = builder.inputType('RemoveClusterMemberInput', {
  fields: (t) => ({
    clusterId: t.id({ required: true }),
    organisationId: t.id({ required: true }),
    version: t.int({
      required: true,
      description: 'The membership’s version (`ClusterMemberEdge.version`).',
    }),
    source: t.field({ type: SourceInput, required: true }),
  }),
});

function keysOf(input: { clusterId: string | number; organisationId: string | number }): MembershipKeys {
  return {
    clusterId: keyOf(input.clusterId, 'Cluster', 'input.clusterId'),
    organisationId: keyOf(input.organisationId, 'Organisation', 'input.organisationId'),
    clusterGlobalId: String(input.clusterId),
    organisationGlobalId: String(input.organisationId),
  };
}

async function withMembership(ctx: Context, keys: MembershipKeys, changeId: string): Promise<Shape> {
  return { ...keys, changeId, membership: await membershipOf(ctx, keys) };
}

builder.mutationFields((t) => ({
  addClusterMember: t.field({
    type: ClusterMemberPayload,
    description:
      'Makes an organisation a member of a cluster (EDITOR of the cluster, ADMIN); CONFLICT when it already is.',
    args: { input: t.arg({ type: AddClusterMemberInput, required: true }) },
    authScopes: (_root, { input }) => ({ admin: true, editsCluster: scopeKey(input.clusterId, 'Cluster') }),
    resolve: async (_root, { input }, ctx) => {
      const keys = keysOf(input);
      const done = await addClusterMember(
        ctx.db,
        editOf(ctx, 'addClusterMember', input.source),
        keys,
        definedChanges(input as Record<string, unknown>, ['role', 'since']),
      );
      return withMembership(ctx, keys, done.changeId);
    },
  }),
  updateClusterMember: t.field({
    type: ClusterMemberPayload,
    description: 'Changes a member’s role or since (EDITOR of the cluster, ADMIN).',
    args: { input: t.arg({ type: UpdateClusterMemberInput, required: true }) },
    authScopes: (_root, { input }) => ({ admin: true, editsCluster: scopeKey(input.clusterId, 'Cluster') }),
    resolve: async (_root, { input }, ctx) => {
      const keys = keysOf(input);
      const done = await updateClusterMember(
        ctx.db,
        editOf(ctx, 'updateClusterMember', input.source),
        keys,
        input.version,
        definedChanges(input as Record<string, unknown>, ['role', 'since']),
      );
      return withMembership(ctx, keys, done.changeId);
    },
  }),
  removeClusterMember: t.field({
    type: ClusterMemberPayload,
    description: 'Ends a membership (EDITOR of the cluster, ADMIN); the organisation stays.',
    args: { input: t.arg({ type: RemoveClusterMemberInput, required: true }) },
    authScopes: (_root, { input }) => ({ admin: true, editsCluster: scopeKey(input.clusterId, 'Cluster') }),
    resolve: async (_root, { input }, ctx) => {
      const keys = keysOf(input);
      const done = await removeClusterMember(
        ctx.db,
        editOf(ctx, 'removeClusterMember', input.source),
        keys,
        input.version,
      );
      return { ...keys, changeId: done.changeId, membership: null };
    },
  }),
}));
