import type { GraphQLResolveInfo } from 'graphql';
import { clustersOfNeed, clustersOfOrganisation } from '../db/repositories/rights.ts';
import type { Context } from '../graphql/context.ts';
import { ForbiddenError, UnauthenticatedError } from './errors.ts';
import { editsCluster, hasRole } from './viewer.ts';

/**
 * The scopes fields name in `authScopes` (Pothos scope-auth). A field's scopes are alternatives:
 * `{ admin: true, editsCluster: key }` lets an admin, or an editor of that cluster, through.
 * Keys are node keys (the graph's ids), not global ids.
 */
export type AuthScopes = {
  signedIn: boolean;
  editor: boolean;
  admin: boolean;
  editsCluster: string;
  editsOrganisation: string;
  editsNeed: string;
};

export function authScopes(ctx: Context) {
  const viewer = ctx.viewer;
  const editsAny = (clusterIds: string[]) => clusterIds.some((id) => editsCluster(viewer, id));
  return {
    signedIn: viewer !== null,
    editor: hasRole(viewer, 'editor'),
    admin: hasRole(viewer, 'admin'),
    editsCluster: (clusterId: string) => editsCluster(viewer, clusterId),
    editsOrganisation: async (organisationId: string) =>
      hasRole(viewer, 'editor') && editsAny(await clustersOfOrganisation(ctx.db, organisationId)),
    editsNeed: async (needId: string) =>
      hasRole(viewer, 'editor') && editsAny(await clustersOfNeed(ctx.db, needId)),
  };
}

/** Anonymous: UNAUTHENTICATED. Signed in without the right: FORBIDDEN, naming the field. */
export function unauthorizedError(_parent: unknown, ctx: Context, info: GraphQLResolveInfo) {
  if (!ctx.viewer)
    return new UnauthenticatedError(
      `\`${info.fieldName}\` needs a token: send \`Authorization: Bearer <token>\`.`,
    );
  return new ForbiddenError(
    `${ctx.viewer.name} (${ctx.viewer.role}) may not use \`${info.fieldName}\` on this${ctx.viewer.role === 'editor' ? ': an editor edits only the clusters of its token and their members' : ''}.`,
  );
}
