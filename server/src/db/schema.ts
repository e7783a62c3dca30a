import { ensureSchema } from '@clustergraph/ingest';
import { schemaObjectNames } from '@clustergraph/schema';
import type { Database } from './database.ts';
import { API_TOKEN_SCHEMA } from './repositories/api-tokens.ts';

/** Applies the model's constraints and indexes (ingest's ensureSchema); idempotent, so it runs at every start. */
export async function applySchema(database: Database): Promise<void> {
  await ensureSchema(database.driver, database.name);
  for (const statement of API_TOKEN_SCHEMA)
    await database.driver.executeQuery(statement, {}, { database: database.name });
}

/** The names of the model's constraints and indexes that the database does not have yet. */
export async function missingSchemaObjects(database: Database): Promise<string[]> {
  // A uniqueness constraint's backing index carries the constraint's name, so one listing covers both.
  const rows = await database.read<{ name: string }>(
    "SHOW INDEXES YIELD name, state WHERE state = 'ONLINE' RETURN name",
  );
  const present = new Set(rows.map((row) => row.name));
  return schemaObjectNames().filter((name) => !present.has(name));
}
