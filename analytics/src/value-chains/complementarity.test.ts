import { describe, expect, it } from 'vitest';
import { complementarityAgainst } from './complementarity.ts';
import { clusterCoverage } from './coverage.ts';
import type { ClusterFacts, Ecosystem } from './ecosystem.ts';
import type { OrganisationFacts } from './facts.ts';

const org = (id: string, provides: string[]): OrganisationFacts => ({
  id,
  name: id,
  kind: 'SME',
  size: null,
  regionCode: 'RO214',
  country: 'RO',
  naceCodes: [],
  providesStageIds: provides,
  synthetic: false,
  projectCount: 0,
  coParticipations: 0,
});
const cluster = (id: string, memberIds: string[]): ClusterFacts => ({
  id,
  name: id,
  regionCode: 'RO214',
  synthetic: false,
  sectorIds: ['sector:t'],
  memberIds,
});

/** A makes yarn and designs, B finishes and designs, C only designs; a1 and b1 share a project. */
function ecosystem(): Ecosystem {
  const organisations = [
    org('a1', ['yarn', 'design']),
    org('a2', ['yarn', 'design']),
    org('b1', ['finishing', 'design']),
    org('b2', ['finishing', 'design']),
    org('c1', ['design']),
    org('c2', ['design']),
  ];
  const clusters = [cluster('A', ['a1', 'a2']), cluster('B', ['b1', 'b2']), cluster('C', ['c1', 'c2'])];
  const stage = (id: string) => ({ id, name: id, kind: 'PRIMARY' as const, naceCodes: [] });
  return {
    organisations: new Map(organisations.map((o) => [o.id, o])),
    clusters: new Map(clusters.map((c) => [c.id, c])),
    chains: new Map([
      [
        'sector:t',
        {
          sectorId: 'sector:t',
          sectorName: 'T',
          stages: [stage('yarn'), stage('finishing'), stage('design')],
        },
      ],
    ]),
    projectsOf: new Map([
      ['a1', ['p']],
      ['b1', ['p']],
    ]),
    participantsOf: new Map([['p', ['a1', 'b1']]]),
    clustersOf: new Map(clusters.flatMap((c) => c.memberIds.map((m) => [m, [c.id]] as [string, string[]]))),
  };
}

describe('complementarityAgainst', () => {
  const world = ecosystem();
  const coverage = (c: ClusterFacts) => {
    const result = clusterCoverage(world, c.id);
    if (!result) throw new Error(c.id);
    return result;
  };
  const [best, worst] = complementarityAgainst(world, 'A', coverage) ?? [];

  it('says which of one’s gaps the other fills, both ways, and the stages they share', () => {
    expect(best?.otherId).toBe('B');
    expect(best?.filledByOther.map((f) => [f.stage.stage.id, f.providerIds])).toEqual([
      ['finishing', ['b1', 'b2']],
    ]);
    expect(best?.fillsOther.map((f) => [f.stage.stage.id, f.providerIds])).toEqual([['yarn', ['a1', 'a2']]]);
    expect(best?.sharedStageIds).toEqual(['design']);
  });

  it('counts existing ties and scores the pair above one that fills nothing', () => {
    expect(best?.sharedProjects).toBe(1);
    expect(best?.tiedPairs).toBe(1);
    // A wants finishing, B wants yarn, both filled: 0.8 × 2/2, plus ties 0.2 × log(2)/log(11).
    expect(best?.score).toBeCloseTo(0.8 + (0.2 * Math.log(2)) / Math.log(11));
    expect(worst?.otherId).toBe('C');
    expect(worst?.filledByOther).toEqual([]);
    expect(worst?.score).toBeLessThan(best?.score ?? 0);
  });
});
