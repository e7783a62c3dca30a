/**
 * `pnpm token:create --role admin --name "Ana Pop"`: creates an API token through the same code
 * as the createApiToken mutation and prints its secret once. This is how the first admin token
 * comes to be; later ones an admin creates in the API. Talks to NEO4J_URI (default: the local
 * Neo4j `pnpm start` runs).
 */
import { parseArgs } from 'node:util';
import { issueApiToken } from '../src/auth/issue.ts';
import { isRole } from '../src/auth/viewer.ts';
import { readConfig } from '../src/config.ts';
import { Database } from '../src/db/database.ts';
import { applySchema } from '../src/db/schema.ts';

const usage =
  'usage: pnpm token:create --role viewer|editor|admin --name <who> [--clusters <cluster key>,...] [--expires-in-days <n>]';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      role: { type: 'string' },
      name: { type: 'string' },
      clusters: { type: 'string' },
      'expires-in-days': { type: 'string' },
    },
  });
  const role = values.role?.toLowerCase();
  if (!isRole(role) || !values.name) {
    console.error(usage);
    return 2;
  }
  const days = values['expires-in-days'];
  const config = readConfig();
  const db = new Database({
    uri: config.neo4jUri ?? 'bolt://127.0.0.1:7687',
    user: config.neo4jUser,
    password: config.neo4jPassword,
    database: config.neo4jDatabase,
    resilience: { queryTimeoutMs: 30_000 },
  });
  try {
    await applySchema(db);
    const { secret, token } = await issueApiToken(
      db,
      {
        name: values.name,
        role,
        clusterIds: (values.clusters ?? '')
          .split(',')
          .map((key) => key.trim())
          .filter(Boolean),
        expiresInDays: days === undefined ? null : Number(days),
        createdBy: 'command line',
      },
      (field) =>
        `--${field === 'clusterIds' ? 'clusters' : field === 'expiresInDays' ? 'expires-in-days' : field}`,
    );
    console.error(
      `Created ${token.role} token ${token.id} for ${token.name}${token.expiresAt ? `, valid until ${token.expiresAt}` : ''}.`,
    );
    console.error('The secret below is shown once; send it as `Authorization: Bearer <secret>`:');
    console.log(secret);
    return 0;
  } catch (error) {
    console.error((error as Error).message);
    return 1;
  } finally {
    await db.close();
  }
}

process.exitCode = await main();
