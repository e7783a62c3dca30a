import { fromGlobalId, type NodeLabel, toGlobalId } from '@clustergraph/schema';
import SchemaBuilder from '@pothos/core';
import ComplexityPlugin from '@pothos/plugin-complexity';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import { type AuthScopes, authScopes, unauthorizedError } from '../auth/scopes.ts';
import type { Context } from './context.ts';
import { BadInputError } from './errors.ts';

export const builder = new SchemaBuilder<{
  Context: Context;
  AuthScopes: AuthScopes;
  /** Before and after of audited properties (types/change.ts), as JSON values. */
  Scalars: { JSON: { Input: unknown; Output: unknown } };
  DefaultFieldNullability: false;
  DefaultEdgesNullability: false;
  DefaultNodeNullability: false;
}>({
  // Scope-auth first, so its checks wrap every other plugin's resolvers.
  plugins: [ScopeAuthPlugin, ComplexityPlugin, RelayPlugin],
  scopeAuth: {
    authScopes,
    unauthorizedError: (parent, ctx, info) => unauthorizedError(parent, ctx, info),
  },
  defaultFieldNullability: false,
  complexity: {
    defaultComplexity: 1,
    // Relationship lists are short (a region, a few sectors); connections multiply by `first`.
    defaultListMultiplier: 2,
    // The plugin records each field's cost on the schema; the limit is checked before
    // validation by limits.ts, which measures each fragment once instead of expanding it.
    disabled: true,
  },
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    // `first` already counts a page's edges (pagedComplexity): the list itself adds nothing.
    edgesFieldOptions: { nullable: false, complexity: { field: 0, multiplier: 1 } },
    nodeFieldOptions: { nullable: false },
    nodeQueryOptions: false,
    nodesQueryOptions: false,
    encodeGlobalID: (typename, id) => toGlobalId(typename as NodeLabel, String(id)),
    decodeGlobalID: (globalId) => {
      const decoded = fromGlobalId(globalId);
      if (!decoded) throw new BadInputError('id', `"${globalId}" is not a global id of this API`);
      return { typename: decoded.label, id: decoded.id };
    },
  },
});

export type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;

builder.queryType({ description: 'Read access to the clustergraph knowledge graph.' });
builder.mutationType({
  description:
    'Changes to the graph, for API tokens or identity-provider users with the right role (README, "Editing"). Each needs a source, checks the version it was read at (CONFLICT when stale), and writes all or nothing.',
});
