import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { type Config, readConfig } from './config.ts';

export { type Config, readConfig };

import { Database } from './db/database.ts';
import { applySchema } from './db/schema.ts';
import { createAppServer } from './http.ts';
import { DEFAULT_LIFECYCLE } from './lifecycle.ts';
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
    resilience: config.resilience,
    logger,
  });
  await db.ping();
  await applySchema(db);
  const app = createAppServer({
    db,
    logger,
    webDist: config.webDist,
    cors: { origins: config.corsOrigins ?? [], credentials: config.corsCredentials ?? false },
    auth: config.auth,
    lifecycle: config.lifecycle,
    documentCacheSize: config.documentCacheSize,
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

/**
 * Stops on SIGINT/SIGTERM: first the server (it drains: lifecycle.ts), then what follows in
 * `stops`. Whatever hangs, the process is gone `deadlineMs` after the signal; a second signal
 * ends it at once.
 */
export function stopOnSignals(logger: Logger, stops: (() => Promise<void>)[], deadlineMs: number): void {
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) {
      logger.warn({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    stopping = true;
    logger.info({ signal }, 'shutting down');
    setTimeout(() => {
      logger.error({ deadlineMs }, 'shutdown took too long: exiting');
      process.exit(1);
    }, deadlineMs).unref();
    for (const close of stops) {
      await close().catch((error: unknown) => logger.error({ err: error }, 'error while shutting down'));
    }
    logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

/** Time after a signal by which the process has exited: the drain, then a margin to close the rest. */
export const shutdownDeadlineMs = (config: Config) =>
  (config.lifecycle?.drainTimeoutMs ?? DEFAULT_LIFECYCLE.drainTimeoutMs) + 5_000;

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
  stopOnSignals(logger, [running.stop], shutdownDeadlineMs(config));
}
