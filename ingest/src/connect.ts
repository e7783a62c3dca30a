import neo4j, { type AuthToken, type Driver } from 'neo4j-driver';

/** Where the seed commands write: NEO4J_URI, or the local Neo4j that `pnpm start` runs. */
export type TargetSettings = { uri: string; database: string | undefined; auth: AuthToken | undefined };
export type Target = Omit<TargetSettings, 'auth'> & { driver: Driver };

export function targetFromEnv(): TargetSettings {
  const uri = process.env.NEO4J_URI || 'bolt://127.0.0.1:7687';
  const password = process.env.NEO4J_PASSWORD;
  const auth = password ? neo4j.auth.basic(process.env.NEO4J_USER ?? 'neo4j', password) : undefined;
  return { uri, database: process.env.NEO4J_DATABASE || undefined, auth };
}

export function connectFromEnv(): Target {
  const { uri, database, auth } = targetFromEnv();
  return { uri, database, driver: neo4j.driver(uri, auth, { disableLosslessIntegers: true }) };
}
