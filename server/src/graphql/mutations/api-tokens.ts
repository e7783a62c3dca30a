import { fromGlobalId } from '@clustergraph/schema';
import { issueApiToken } from '../../auth/issue.ts';
import { revokeApiToken } from '../../db/repositories/api-tokens.ts';
import { builder } from '../builder.ts';
import { InputFieldError, NotFoundError } from '../errors.ts';
import { unplanned } from '../reads.ts';
import { ApiToken, Role } from '../types/viewer.ts';

const CreateApiTokenInput = builder.inputType('CreateApiTokenInput', {
  fields: (t) => ({
    name: t.string({ required: true, description: 'Who or what uses it (a person, a script).' }),
    role: t.field({ type: Role, required: true }),
    clusterIds: t.idList({
      description: 'Global ids of the clusters an EDITOR token may edit (required for EDITOR).',
    }),
    expiresInDays: t.int({ description: 'Days until it stops working; never when omitted.' }),
  }),
});

const CreateApiTokenPayload = builder
  .objectRef<{ apiToken: typeof ApiToken.$inferType; token: string }>('CreateApiTokenPayload')
  .implement({
    extensions: unplanned,
    fields: (t) => ({
      apiToken: t.field({ type: ApiToken, resolve: (payload) => payload.apiToken }),
      token: t.exposeString('token', {
        description: 'The secret, shown only here: send it as `Authorization: Bearer <token>`.',
      }),
    }),
  });

const RevokeApiTokenInput = builder.inputType('RevokeApiTokenInput', {
  fields: (t) => ({ id: t.id({ required: true, description: 'The `ApiToken.id`.' }) }),
});

const RevokeApiTokenPayload = builder
  .objectRef<{ apiToken: typeof ApiToken.$inferType }>('RevokeApiTokenPayload')
  .implement({
    extensions: unplanned,
    fields: (t) => ({ apiToken: t.field({ type: ApiToken, resolve: (payload) => payload.apiToken }) }),
  });

builder.mutationFields((t) => ({
  createApiToken: t.field({
    type: CreateApiTokenPayload,
    description: 'A new API token (ADMIN). Its secret is in the payload, once; it is never shown again.',
    authScopes: { admin: true },
    args: { input: t.arg({ type: CreateApiTokenInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const clusterIds = (input.clusterIds ?? []).map((globalId, index) => {
        const decoded = fromGlobalId(String(globalId));
        if (decoded?.label !== 'Cluster') {
          throw new InputFieldError([
            { field: `input.clusterIds[${index}]`, message: `"${globalId}" is not the id of a cluster` },
          ]);
        }
        return decoded.id;
      });
      const { secret, token } = await issueApiToken(ctx.db, {
        name: input.name,
        role: input.role,
        clusterIds,
        expiresInDays: input.expiresInDays,
        createdBy: ctx.viewer?.name ?? 'unknown',
      });
      return { apiToken: token, token: secret };
    },
  }),
  revokeApiToken: t.field({
    type: RevokeApiTokenPayload,
    description: 'Stops an API token from working at once (ADMIN); it stays listed as revoked.',
    authScopes: { admin: true },
    args: { input: t.arg({ type: RevokeApiTokenInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const token = await revokeApiToken(ctx.db, String(input.id), new Date().toISOString());
      if (!token) throw new NotFoundError(String(input.id), 'API token');
      return { apiToken: token };
    },
  }),
}));
