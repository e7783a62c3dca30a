import { deleteNodes } from '@clustergraph/ingest';
import { loadCurated } from '@clustergraph/seed';
import { Database } from '@clustergraph/server/database';
import { createLogger } from '@clustergraph/server/logger';
import { buildYoga } from '@clustergraph/server/yoga';
import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, inject } from 'vitest';

/**
 * The database of one test file: a driver for setup and checks, and the API's Database (which
 * counts round trips). Closed after the file.
 */
export function useGraph() {
  const uri = inject('neo4jUri');
  const driver: Driver = neo4j.driver(uri, undefined, { disableLosslessIntegers: true });
  // These tests check answers, on a machine that may be busy; outage.test.ts checks the timeouts.
  const db = new Database({ uri, resilience: { queryTimeoutMs: 60_000 } });
  afterAll(async () => {
    await driver.close();
    await db.close();
  });

  const api = buildYoga({ db, logger: createLogger('silent') });
  const apiBatching = buildYoga({ db, logger: createLogger('silent'), prefetch: false });

  return {
    driver,
    db,
    /** Empties the graph (constraints and indexes stay). */
    async reset() {
      await deleteNodes(driver, 'everything');
    },
    async loadCurated() {
      return loadCurated(driver);
    },
    /** The records of a Cypher query as plain objects. */
    async rows<T = Record<string, unknown>>(
      cypher: string,
      params: Record<string, unknown> = {},
    ): Promise<T[]> {
      const { records } = await driver.executeQuery(cypher, params);
      return records.map((record) => record.toObject() as T);
    },
    async count(cypher: string, params: Record<string, unknown> = {}): Promise<number> {
      const { records } = await driver.executeQuery(cypher, params);
      return Number(records[0]?.get(0) ?? 0);
    },
    /**
     * Runs a GraphQL request through Yoga, as a client would, and counts its round trips.
     * `prefetch: false` reads nodes whole and batches every relation instead of prefetching it.
     */
    async graphql<T = Record<string, unknown>>(
      query: string,
      variables: Record<string, unknown> = {},
      { prefetch = true }: { prefetch?: boolean } = {},
    ) {
      const before = db.roundTrips;
      const response = await (prefetch ? api : apiBatching).fetch('http://test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as {
        data?: T;
        errors?: { message: string; extensions?: Record<string, unknown>; path?: string[] }[];
      };
      return { ...body, status: response.status, roundTrips: db.roundTrips - before };
    },
  };
}
