/**
 * `pnpm start`: everything on one machine. A local Neo4j (unless NEO4J_URI names one), the
 * model's schema, the curated graph when the database has none, and the API serving the dashboard
 * (built just before by the root `start` script).
 * Ctrl-C stops the server (draining requests), then Neo4j.
 */
import { curatedGraph, hasNoCuratedData, writeCurated } from '@clustergraph/seed';
import { readConfig } from '../src/config.ts';
import { serveWithoutSourceMaps, shutdownDeadlineMs, startServer, stopOnSignals } from '../src/index.ts';
import { createLogger } from '../src/logger.ts';
import { startLocalNeo4j } from './neo4j.ts';

serveWithoutSourceMaps();
const config = readConfig();
const logger = createLogger(config.logLevel);
const stops: (() => Promise<void>)[] = [];

if (!config.neo4jUri) {
  const started = performance.now();
  const local = await startLocalNeo4j({ onLog: (line) => logger.debug({ neo4j: line }) });
  logger.info({ uri: local.uri, ms: Math.round(performance.now() - started) }, 'local Neo4j started');
  config.neo4jUri = local.uri;
  stops.push(local.stop);
}

const running = await startServer(config, logger);
stops.unshift(running.stop);
// Neo4j's own stop may take up to 30 s (its checkpoint) after the server has drained.
stopOnSignals(logger, stops, shutdownDeadlineMs(config) + 30_000);

const { driver } = running.db;
if (await hasNoCuratedData(driver, config.neo4jDatabase)) {
  // startServer has applied the schema.
  const loaded = await writeCurated(driver, curatedGraph(), config.neo4jDatabase);
  logger.info(loaded, 'curated graph loaded');
}
logger.info(`ready: dashboard ${running.url}/  API ${running.url}/graphql`);
