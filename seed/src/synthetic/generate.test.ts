import { isoCountryOfNuts } from '@clustergraph/schema';
import { describe, expect, it } from 'vitest';
import { curatedGraph, readCuratedFiles } from '../curated.ts';
import { generateSyntheticGraph } from './generate.ts';
import { validateGenerated } from './load.ts';
import { apportion, createRandom } from './random.ts';
import { buildReference } from './reference.ts';

const files = readCuratedFiles();
const curated = curatedGraph(files);
const reference = buildReference(curated);

describe('the seeded random source', () => {
  it('repeats its sequence for a seed and differs between seeds', () => {
    const draw = (seed: number) => {
      const random = createRandom(seed);
      return Array.from({ length: 5 }, () => random.next());
    };
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
  });

  it('apportions whole counts that add up, in proportion', () => {
    const counts = apportion(997, { a: 0.875, b: 0.1, c: 0.025 });
    expect(counts.a + counts.b + counts.c).toBe(997);
    expect(counts).toEqual({ a: 872, b: 100, c: 25 });
  });
});

describe('generateSyntheticGraph', () => {
  const small = generateSyntheticGraph(reference, 'S', 1);

  it('gives the same graph for the same seed and another for another seed', () => {
    expect(generateSyntheticGraph(reference, 'S', 1)).toEqual(small);
    const other = generateSyntheticGraph(reference, 'S', 2);
    expect(other.graph.relationships).not.toEqual(small.graph.relationships);
  });

  it('gives each organisation the ISO country of the region it is in (GR for Greece, not EL)', () => {
    const { graph } = generateSyntheticGraph(reference, 'M', 1);
    const regionCode = new Map(curated.nodes.map((node) => [node.id, node.props.code as string]));
    const placed = graph.relationships.filter((rel) => rel.type === 'LOCATED_IN');
    const countries = new Map(
      placed.map((rel) => [rel.from, isoCountryOfNuts(regionCode.get(rel.to) ?? '')]),
    );
    const organisations = graph.nodes.filter((node) => node.label === 'Organisation');
    expect(organisations.some((node) => countries.get(node.id) === 'GR')).toBe(true);
    for (const node of organisations) expect(node.props.country).toBe(countries.get(node.id));
  });

  it('passes the curated dataset’s validation, with syn: ids that collide with no curated id', () => {
    expect(() => validateGenerated(small, files)).not.toThrow();
    const curatedIds = new Set(curated.nodes.map((node) => node.id));
    for (const node of small.graph.nodes) {
      expect(node.id.startsWith('syn:')).toBe(true);
      expect(curatedIds.has(node.id)).toBe(false);
    }
  });

  it('reports about 30% of clusters with 1 to 3 primary stages missing, at M', () => {
    const medium = generateSyntheticGraph(reference, 'M', 1);
    const clusters = medium.graph.nodes.filter((node) => node.label === 'Cluster').length;
    const share = medium.incompleteValueChains.length / clusters;
    expect(share).toBeGreaterThan(0.2);
    expect(share).toBeLessThan(0.45);
    for (const chain of medium.incompleteValueChains) {
      expect(chain.missingStageIds.length).toBeGreaterThanOrEqual(1);
      expect(chain.missingStageIds.length).toBeLessThanOrEqual(3);
    }
  });

  it('makes heavy-tailed teams: mostly 2 to 8, a few of 30 or more', () => {
    const teams = new Map<string, number>();
    for (const rel of small.graph.relationships) {
      if (rel.type === 'PARTICIPATES_IN') teams.set(rel.to, (teams.get(rel.to) ?? 0) + 1);
    }
    const sizes = [...teams.values()];
    const typical = sizes.filter((size) => size >= 2 && size <= 8).length / sizes.length;
    expect(typical).toBeGreaterThan(0.8);
    expect(sizes.filter((size) => size >= 30).length).toBeGreaterThan(0);
  });
});
