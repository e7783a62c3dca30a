import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalNeo4j } from '@clustergraph/server/local-neo4j';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    neo4jUri: string;
  }
}

/**
 * Gives the tests a real Neo4j: the one NEO4J_URI names, or a fresh local one on its own port and
 * data folder (so a running `pnpm start` is never touched), stopped when the run ends.
 */
export default async function setup(project: TestProject) {
  if (process.env.NEO4J_URI) {
    project.provide('neo4jUri', process.env.NEO4J_URI);
    return;
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'clustergraph-test-neo4j-'));
  const started = performance.now();
  const neo4j = await startLocalNeo4j({ dataDir, boltPort: 17687, heap: '1g', pageCache: '256m' });
  console.log(`Neo4j for the tests: ${neo4j.uri} (started in ${Math.round(performance.now() - started)} ms)`);
  project.provide('neo4jUri', neo4j.uri);
  return async () => {
    await neo4j.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
}
