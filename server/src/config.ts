/** Every setting the server reads from the environment; documented in the README's table. */
export type Config = {
  port: number;
  host: string;
  neo4jUri: string | undefined;
  neo4jUser: string;
  neo4jPassword: string;
  neo4jDatabase: string | undefined;
  logLevel: string;
  webDist: string;
};

function intFrom(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number, got "${raw}"`);
  return value;
}

export function readConfig(): Config {
  return {
    port: intFrom('PORT', 4000),
    host: process.env.HOST ?? '0.0.0.0',
    neo4jUri: process.env.NEO4J_URI || undefined,
    neo4jUser: process.env.NEO4J_USER ?? 'neo4j',
    neo4jPassword: process.env.NEO4J_PASSWORD ?? '',
    neo4jDatabase: process.env.NEO4J_DATABASE || undefined,
    logLevel: process.env.LOG_LEVEL ?? 'info',
    webDist: process.env.WEB_DIST ?? new URL('../../web/dist', import.meta.url).pathname,
  };
}
