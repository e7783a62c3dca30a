import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, type LocalNeo4j, startLocalNeo4j } from '@clustergraph/server/local-neo4j';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    neo4jUri: string;
  }
}

type Shared = { neo4j: Promise<{ local: LocalNeo4j; dataDir: string }>; users: number };
const state = globalThis as typeof globalThis & { clustergraphTestNeo4j?: Shared };

/**
 * Gives the integration and browser tests a real Neo4j: the one NEO4J_URI names, or a fresh
 * local one on a free port and its own data folder (so neither a running `pnpm start` nor
 * another test run is touched), shared by the projects of this run and stopped at its end.
 */
export default async function setup(project: TestProject) {
  if (process.env.NEO4J_URI) {
    project.provide('neo4jUri', process.env.NEO4J_URI);
    return;
  }
  state.clustergraphTestNeo4j ??= {
    users: 0,
    neo4j: (async () => {
      const dataDir = await mkdtemp(join(tmpdir(), 'clustergraph-test-neo4j-'));
      const started = performance.now();
      const local = await startLocalNeo4j({
        dataDir,
        boltPort: await freePort(),
        heap: '1g',
        pageCache: '256m',
      });
      console.log(
        `Neo4j for the tests: ${local.uri} (started in ${Math.round(performance.now() - started)} ms)`,
      );
      return { local, dataDir };
    })(),
  };
  const shared = state.clustergraphTestNeo4j;
  shared.users += 1;
  const { local, dataDir } = await shared.neo4j;
  project.provide('neo4jUri', local.uri);
  return async () => {
    shared.users -= 1;
    if (shared.users > 0) return;
    state.clustergraphTestNeo4j = undefined;
    await local.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
}
