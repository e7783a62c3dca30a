import { curatedGraph } from '@clustergraph/seed';
import { buildReference, generateSyntheticGraph } from '@clustergraph/seed/synthetic';
import { describe, expect, it } from 'vitest';
import { clusterCoverage } from './coverage.ts';
import { ecosystemOf } from './ecosystem.ts';
import { unstatedPrimaryStages } from './oracle.ts';

const curated = curatedGraph();
const reference = buildReference(curated);

/**
 * The generator records, from the memberships it made, which clusters' chains it left incomplete
 * (seed/src/synthetic/clusters.ts). That record never reaches the database; here the analysis,
 * which sees only the graph, must find exactly those stages and no others.
 */
describe('the gap analysis against the synthetic generator’s record (tier S)', () => {
  for (const seed of [1, 2]) {
    it(`finds exactly the stages left out on purpose, seed ${seed}`, () => {
      const generated = generateSyntheticGraph(reference, 'S', seed);
      const ecosystem = ecosystemOf(curated, generated.graph);
      const expected = new Map(generated.incompleteValueChains.map((chain) => [chain.clusterId, [chain]]));
      const clusters = [...ecosystem.clusters.values()].filter((cluster) => cluster.synthetic);
      expect(clusters.length).toBeGreaterThan(5);
      expect(expected.size).toBeGreaterThan(0);
      let gaps = 0;
      for (const cluster of clusters) {
        const coverage = clusterCoverage(ecosystem, cluster.id);
        if (!coverage) throw new Error(`no coverage for ${cluster.id}`);
        const found = unstatedPrimaryStages(coverage).map((chain) => ({
          clusterId: cluster.id,
          sectorId: chain.sectorId,
          missingStageIds: [...chain.stageIds].sort(),
        }));
        const wanted = (expected.get(cluster.id) ?? []).map((chain) => ({
          ...chain,
          missingStageIds: [...chain.missingStageIds].sort(),
        }));
        expect(found, cluster.id).toEqual(wanted);
        for (const chain of coverage.chains) {
          for (const stage of chain.stages) {
            const missing = wanted.some((w) => w.missingStageIds.includes(stage.stage.id));
            if (stage.stage.kind !== 'PRIMARY') continue;
            if (stage.verdict === 'GAP') {
              gaps++;
              expect(missing, `${cluster.id} ${stage.stage.id} is a gap the generator did not make`).toBe(
                true,
              );
            }
            if (missing && stage.verdict !== 'GAP') {
              expect(stage.verdict).toBe('WEAK');
              expect(stage.reasons).toContain('NACE_ONLY');
            }
          }
        }
      }
      expect(gaps).toBeGreaterThan(0);
    });
  }
});
