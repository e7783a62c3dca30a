import { loadSyntheticTier } from '@clustergraph/seed/synthetic';
import { chooseFixtures, QUERIES } from '@clustergraph/server/api-oracle';
import { beforeAll, describe, expect, it } from 'vitest';
import { useGraph } from '../helpers/graph.ts';

/**
 * The API answers what a hand-written Cypher query answers: the queries `pnpm bench:api`
 * measures against their floor (server/scripts/api-oracle.ts), on the curated graph and the
 * synthetic tier S, each in one round trip.
 */
const graph = useGraph();

beforeAll(async () => {
  await graph.reset();
  await graph.loadCurated();
  await loadSyntheticTier(graph.driver, { tier: 'S', seed: 1 });
});

describe('the API equals its hand-written Cypher oracle', () => {
  it.each(QUERIES.map((query) => [query.key, query] as const))('%s', async (_key, query) => {
    const fixtures = await chooseFixtures(graph.db, 'cluster');
    const rows = await graph.db.read(query.cypher, query.params(fixtures));
    expect(rows.length).toBeGreaterThan(0);
    const { data, errors, roundTrips } = await graph.graphql(query.graphql, query.variables(fixtures));
    expect(errors).toBeUndefined();
    expect(data).toEqual(query.asGraphqlData(rows));
    expect(roundTrips).toBe(1);
  });
});
