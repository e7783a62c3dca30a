import type { Database } from '../database.ts';

/**
 * API tokens live in Neo4j as `ApiToken` nodes, outside the graph model (no provenance, never
 * in a dataset, never returned by `node` or `search`): only the SHA-256 of the secret is kept.
 */
export type ApiTokenRow = {
  id: string;
  name: string;
  role: string;
  clusterIds: string[];
  createdAt: string;
  createdBy: string;
  expiresAt: string | null;
  revokedAt: string | null;
};

const RETURN_TOKEN = `RETURN t { .id, .name, .role, clusterIds: coalesce(t.clusterIds, []), .createdAt, .createdBy,
  expiresAt: t.expiresAt, revokedAt: t.revokedAt } AS token`;

export const API_TOKEN_SCHEMA = [
  'CREATE CONSTRAINT api_token_id IF NOT EXISTS FOR (t:ApiToken) REQUIRE t.id IS UNIQUE',
  'CREATE CONSTRAINT api_token_hash IF NOT EXISTS FOR (t:ApiToken) REQUIRE t.hash IS UNIQUE',
];

/** The token whose secret hashes to `hash`, revoked or not (the caller decides). */
export async function apiTokenByHash(db: Database, hash: string): Promise<ApiTokenRow | null> {
  const rows = await db.read<{ token: ApiTokenRow }>(`MATCH (t:ApiToken {hash: $hash}) ${RETURN_TOKEN}`, {
    hash,
  });
  return rows[0]?.token ?? null;
}

export async function listApiTokens(db: Database, includeRevoked: boolean): Promise<ApiTokenRow[]> {
  const rows = await db.read<{ token: ApiTokenRow }>(
    `MATCH (t:ApiToken) WHERE $includeRevoked OR t.revokedAt IS NULL
     WITH t ORDER BY t.createdAt DESC, t.id ${RETURN_TOKEN}`,
    { includeRevoked },
  );
  return rows.map((row) => row.token);
}

export async function createApiToken(
  db: Database,
  token: Omit<ApiTokenRow, 'revokedAt'> & { hash: string },
): Promise<ApiTokenRow> {
  return db.write(async (tx) => {
    const result = await tx.run(`CREATE (t:ApiToken) SET t = $token ${RETURN_TOKEN}`, { token });
    return result.records[0]?.get('token') as ApiTokenRow;
  });
}

/** Marks the token revoked (kept, so the audit can still name it); null when there is none. */
export async function revokeApiToken(db: Database, id: string, at: string): Promise<ApiTokenRow | null> {
  return db.write(async (tx) => {
    const result = await tx.run(
      `MATCH (t:ApiToken {id: $id}) SET t.revokedAt = coalesce(t.revokedAt, $at) ${RETURN_TOKEN}`,
      { id, at },
    );
    return (result.records[0]?.get('token') as ApiTokenRow | undefined) ?? null;
  });
}
