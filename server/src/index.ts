import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { type Config, readConfig } from './config.ts';

export { type Config, readConfig };

import { Database } from './db/database.ts';
import { applySchema } from './db/schema.ts';
import { createAppServer } from './http.ts';
import { createLogger } from './logger.ts';

export type RunningServer = { url: string; db: Database; stop(): Promise<void> };

/** Connects to Neo4j, applies the model's schema and listens; stop() drains and closes. */
export async function startServer(config: Config, logger: Logger): Promise<RunningServer> {
  if (!config.neo4jUri)
    throw new Error('NEO4J_URI is not set (pnpm start sets it after starting a local Neo4j).');
  const db = new Database({
    uri: config.neo4jUri,
    user: config.neo4jUser,
    password: config.neo4jPassword,
    database: config.neo4jDatabase,
  });
  await db.ping();
  await applySchema(db);
  const app = createAppServer({
    db,
    logger,
    webDist: config.webDist,
    cors: { origins: config.corsOrigins ?? [], credentials: config.corsCredentials ?? false },
  });
  await new Promise<void>((resolve) => app.server.listen(config.port, config.host, resolve));
  const { port } = app.server.address() as AddressInfo; // the real one when config.port is 0
  const url = `http://localhost:${port}`;
  logger.info({ url, neo4j: config.neo4jUri }, 'clustergraph is listening');
  return {
    url,
    db,
    stop: async () => {
      await app.close();
      await db.close();
    },
  };
}

/** Stops on SIGINT/SIGTERM: first the server (in-flight requests finish), then what `also` names. */
export function stopOnSignals(logger: Logger, stops: (() => Promise<void>)[]): void {
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    for (const close of stops) {
      await close().catch((error: unknown) => logger.error({ err: error }, 'error while shutting down'));
    }
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

/**
 * For a serving process. neo4j-driver captures a stack trace for every result, and with the
 * source maps tsx installs each capture maps every frame: about a tenth of a request's latency
 * here (`pnpm bench:api`). Logged stack traces then point into the transpiled .ts files.
 */
export function serveWithoutSourceMaps(): void {
  process.setSourceMapsEnabled(false);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  serveWithoutSourceMaps();
  const config = readConfig();
  const logger = createLogger(config.logLevel);
  const running = await startServer(config, logger);
  stopOnSignals(logger, [running.stop]);
}
