import { readFile } from 'node:fs/promises';
import { toGlobalId } from '@clustergraph/schema';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { eventually, screenshot, useDashboard } from '../helpers/dashboard.ts';
import { useGraph } from '../helpers/graph.ts';

/*
 * A cluster's value-chain view shows what the API computes (its coverage and partner candidates
 * are tested against the data in the integration tests): every stage with its verdict, the
 * members behind a chosen stage, the ranked candidates, and their CSV export.
 */

const graph = useGraph();
const dashboard = useDashboard(async () => {
  await graph.reset();
  await graph.loadCurated();
});

type Coverage = {
  verdict: string;
  stage: { key: string; name: string };
  providers: { totalCount: number };
};

describe('value chain', () => {
  it('shows the stages of a cluster with their verdicts, the members of one, and its ranked partner candidates', async () => {
    const { page, url, errors } = dashboard;
    const [cluster] = await graph.rows(
      `MATCH (c:Cluster {synthetic: false})-[:ACTIVE_IN]->(:Sector)
       RETURN c.id AS key, c.name AS name ORDER BY COUNT { (:Organisation)-[:MEMBER_OF]->(c) } DESC, key LIMIT 1`,
    );
    if (!cluster) throw new Error('no curated cluster with a sector');
    const id = toGlobalId('Cluster', cluster.key as string);
    const answer = await graph.graphql<{
      node: { valueChain: { chains: { stages: Coverage[] }[] } };
      partnerCandidates: {
        stage: { stage: { key: string } };
        candidates: { edges: { node: { name: string } }[] };
      }[];
    }>(
      `query ($id: ID!) {
        node(id: $id) { ... on Cluster { valueChain { chains { stages { verdict stage { key name } providers(first: 0) { totalCount } } } } } }
        partnerCandidates(clusterId: $id, first: 10) { stage { stage { key } } candidates { edges { node { name } } } }
      }`,
      { id },
    );
    expect(answer.errors).toBeUndefined();
    const stages = answer.data?.node.valueChain.chains.flatMap((chain) => chain.stages) ?? [];
    expect(stages.length).toBeGreaterThan(0);

    await page.goto(`${url}/clusters/${(cluster.key as string).replace(/^cluster:/, '')}`);
    await page.getByTestId('open-value-chain').click();
    await eventually(() => page.getByTestId('value-chain-title').textContent()).toBe(
      `Value chain of ${cluster.name as string}`,
    );
    const boxes = page.getByTestId('stage-box');
    await eventually(() =>
      boxes.evaluateAll((all) => all.map((box) => box.getAttribute('data-verdict'))),
    ).toEqual(stages.map((stage) => stage.verdict));

    // Choose the stage with the most members: its members are listed.
    const richest = [...stages].sort((a, b) => b.providers.totalCount - a.providers.totalCount)[0];
    if (!richest) throw new Error('no stage');
    await boxes.filter({ hasText: richest.stage.name }).first().click();
    await eventually(() => page.url()).toContain('stage=');
    await eventually(() => page.getByTestId('stage-members').locator('.count').textContent()).toBe(
      String(richest.providers.totalCount),
    );
    await boxes.filter({ hasText: richest.stage.name }).first().click();

    // Every stage wanting partners has its candidates, best first, as the API ranks them.
    const pool = answer.data?.partnerCandidates ?? [];
    const groups = page.getByTestId('candidate-group');
    await eventually(() => groups.count()).toBe(pool.length);
    const first = pool.find((entry) => entry.candidates.edges.length > 0);
    if (first) {
      const names = await groups
        .nth(pool.indexOf(first))
        .getByTestId('candidate-row')
        .evaluateAll((rows) => rows.map((row) => row.querySelector('a')?.textContent ?? ''));
      expect(names).toEqual(first.candidates.edges.map((edge) => edge.node.name));
      const download = page.waitForEvent('download');
      await page.getByTestId('export-candidates').click();
      const csv = Papa.parse<Record<string, string>>(await readFile(await (await download).path(), 'utf8'), {
        header: true,
        skipEmptyLines: true,
      });
      expect(csv.data.length).toBe(pool.reduce((sum, entry) => sum + entry.candidates.edges.length, 0));
      expect(csv.meta.fields).toEqual(expect.arrayContaining(['Stage', 'Organisation', 'Score', 'Why']));
    }
    await screenshot(page, 'value-chain');
    expect(errors).toEqual([]);
  });
});
