import { ROLES, type Role as RoleName } from '../../auth/viewer.ts';
import { type ApiTokenRow, listApiTokens } from '../../db/repositories/api-tokens.ts';
import { nodesByIds } from '../../db/repositories/nodes.ts';
import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import { reads, unplanned } from '../reads.ts';
import { ClusterRef } from '../refs.ts';

export const Role = builder.enumType('Role', {
  description:
    'VIEWER reads; EDITOR edits its clusters (their declared facts, members, the stages their members provide, their needs) and may create organisations; ADMIN edits everything, merges and deletes organisations and manages API tokens.',
  values: Object.fromEntries(ROLES.map((role) => [role.toUpperCase(), { value: role }])) as Record<
    Uppercase<RoleName>,
    { value: RoleName }
  >,
});

async function clustersByKeys(ctx: Context, keys: readonly string[]) {
  return (await nodesByIds(ctx.db, 'Cluster', keys)).filter((row) => row !== null);
}

type ViewerShape = NonNullable<Context['viewer']>;

const ViewerType = builder.objectRef<ViewerShape>('Viewer').implement({
  description: 'Who the request’s bearer token says sent it.',
  extensions: unplanned,
  fields: (t) => ({
    id: t.exposeID('id', { description: 'token:<API token id>, or jwt:<issuer>:<subject>.' }),
    name: t.exposeString('name'),
    role: t.field({ type: Role, resolve: (viewer) => viewer.role }),
    clusters: t.field({
      type: [ClusterRef],
      description: 'The clusters an EDITOR may edit (an ADMIN edits all, a VIEWER none).',
      resolve: (viewer, _args, ctx) => clustersByKeys(ctx, viewer.clusterIds),
    }),
    via: t.string({
      description: 'TOKEN (an API token) or JWT (the identity provider).',
      resolve: (viewer) => viewer.via.toUpperCase(),
    }),
  }),
});

export const ApiToken = builder.objectRef<ApiTokenRow>('ApiToken').implement({
  description: 'An API token: its secret was shown once, when it was created; only its hash is kept.',
  extensions: unplanned,
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name', { description: 'Who or what uses it.' }),
    role: t.field({ type: Role, resolve: (token) => token.role as RoleName }),
    clusters: t.field({
      type: [ClusterRef],
      description: 'The clusters an EDITOR token may edit.',
      resolve: (token, _args, ctx) => clustersByKeys(ctx, token.clusterIds),
    }),
    createdAt: t.exposeString('createdAt', { description: 'ISO date-time.' }),
    createdBy: t.exposeString('createdBy'),
    expiresAt: t.exposeString('expiresAt', {
      nullable: true,
      description: 'ISO date-time it stops working.',
    }),
    revokedAt: t.exposeString('revokedAt', { nullable: true }),
  }),
});

builder.queryFields((t) => ({
  viewer: t.field({
    type: ViewerType,
    nullable: true,
    description: 'Who the request’s `Authorization: Bearer` token belongs to; null when it has none.',
    extensions: reads(),
    resolve: (_root, _args, ctx) => ctx.viewer,
  }),
  apiTokens: t.field({
    type: [ApiToken],
    description: 'API tokens, newest first (ADMIN).',
    authScopes: { admin: true },
    args: { includeRevoked: t.arg.boolean({ defaultValue: false, description: 'Revoked ones too.' }) },
    resolve: (_root, args, ctx) => listApiTokens(ctx.db, args.includeRevoked ?? false),
  }),
}));
