import { randomUUID } from 'node:crypto';
import type { Database } from '../db/database.ts';
import { type ApiTokenRow, createApiToken } from '../db/repositories/api-tokens.ts';
import { existingIds } from '../db/repositories/rights.ts';
import { type FieldProblem, refuseProblems } from '../graphql/errors.ts';
import { newTokenSecret, tokenHash } from './tokens.ts';
import type { Role } from './viewer.ts';

export type TokenRequest = {
  name: string;
  role: Role;
  /** Node keys of the clusters an editor edits. */
  clusterIds: readonly string[];
  expiresInDays?: number | null | undefined;
  /** Who creates it: the admin's name, or "command line". */
  createdBy: string;
};

const MAX_DAYS = 3660;

/**
 * Creates an API token: the secret is returned once and only its hash is stored. The mutation
 * and `pnpm token:create` both come here. `field` maps a request field to its input path.
 */
export async function issueApiToken(
  db: Database,
  request: TokenRequest,
  field: (name: keyof TokenRequest, index?: number) => string = (name, index) =>
    index === undefined ? `input.${name}` : `input.${name}[${index}]`,
): Promise<{ secret: string; token: ApiTokenRow }> {
  const problems: FieldProblem[] = [];
  const name = request.name.trim();
  if (name === '' || name.length > 200)
    problems.push({ field: field('name'), message: 'must be 1 to 200 characters' });
  const days = request.expiresInDays;
  if (days !== null && days !== undefined && (!Number.isInteger(days) || days < 1 || days > MAX_DAYS)) {
    problems.push({
      field: field('expiresInDays'),
      message: `must be a whole number of days from 1 to ${MAX_DAYS}`,
    });
  }
  const clusterIds = [...new Set(request.clusterIds)];
  if (request.role === 'editor' && clusterIds.length === 0) {
    problems.push({ field: field('clusterIds'), message: 'an editor token needs the clusters it may edit' });
  }
  const known = await existingIds(db, 'Cluster', clusterIds);
  request.clusterIds.forEach((id, index) => {
    if (!known.has(id)) problems.push({ field: field('clusterIds', index), message: `no cluster ${id}` });
  });
  refuseProblems(problems);
  const secret = newTokenSecret();
  const createdAt = new Date();
  const token = await createApiToken(db, {
    id: randomUUID(),
    name,
    role: request.role,
    clusterIds,
    createdAt: createdAt.toISOString(),
    createdBy: request.createdBy,
    expiresAt: days ? new Date(createdAt.getTime() + days * 86_400_000).toISOString() : null,
    hash: tokenHash(secret),
  });
  return { secret, token };
}
