import { describe, expect, it } from 'vitest';
import type { ClusterFacts, Ecosystem } from '../value-chains/ecosystem.ts';
import type { ChainFacts, OrganisationFacts } from '../value-chains/facts.ts';
import { DEFAULT_WEIGHTS, normaliseWeights, partnerCandidates } from './candidates.ts';
import { areNeighbours, proximityOf } from './geography.ts';

const org = (id: string, regionCode: string, facts: Partial<OrganisationFacts> = {}): OrganisationFacts => ({
  id,
  name: id,
  kind: 'SME',
  size: 'SMALL',
  regionCode,
  country: regionCode.slice(0, 2),
  naceCodes: [],
  providesStageIds: [],
  synthetic: false,
  projectCount: 0,
  coParticipations: 0,
  ...facts,
});

const chain: ChainFacts = {
  sectorId: 'sector:textiles',
  sectorName: 'Textiles',
  stages: [
    { id: 'stage:yarn', name: 'Yarn', kind: 'PRIMARY', naceCodes: ['13.1'] },
    { id: 'stage:finishing', name: 'Dyeing and finishing', kind: 'PRIMARY', naceCodes: ['13.30'] },
    { id: 'stage:research', name: 'Research and development', kind: 'SUPPORT', naceCodes: ['72'] },
  ],
};

/**
 * A textiles cluster in Neamț (RO214) whose members make yarn and do research: finishing is its
 * gap. Four finishers: `near-tied` is in Neamț and already in a project with two members, `far`
 * only provides it (in Spain, no ties), `nace` is as near and tied as `near-tied` but only its
 * NACE code says it finishes, `rival` is near and tied but in a competing cluster.
 */
function ecosystem(): Ecosystem {
  const organisations = [
    org('m1', 'RO214', { providesStageIds: ['stage:yarn'] }),
    org('m2', 'RO213', { providesStageIds: ['stage:yarn'] }),
    org('m3', 'RO213', { kind: 'UNIVERSITY', providesStageIds: ['stage:research'] }),
    org('m4', 'RO211', { kind: 'RESEARCH_INSTITUTE', providesStageIds: ['stage:research'] }),
    org('near-tied', 'RO214', { providesStageIds: ['stage:finishing'] }),
    org('far', 'ES300', { providesStageIds: ['stage:finishing'] }),
    org('nace', 'RO214', { naceCodes: ['13.30'] }),
    org('rival', 'RO214', { providesStageIds: ['stage:finishing'] }),
    org('bystander', 'RO214', { naceCodes: ['47.11'] }),
  ];
  const cluster: ClusterFacts = {
    id: 'cluster:t',
    name: 'Textiles NE',
    regionCode: 'RO214',
    synthetic: false,
    sectorIds: ['sector:textiles'],
    memberIds: ['m1', 'm2', 'm3', 'm4'],
  };
  const rival: ClusterFacts = {
    ...cluster,
    id: 'cluster:rival',
    name: 'Rival Textiles',
    memberIds: ['rival'],
  };
  const participantsOf = new Map([
    ['p1', ['m1', 'm2', 'near-tied', 'nace', 'rival']],
    ['p2', ['m1', 'near-tied']],
    ['p3', ['m2', 'nace', 'rival']],
  ]);
  const projectsOf = new Map<string, string[]>();
  for (const [project, participants] of participantsOf)
    for (const participant of participants)
      projectsOf.set(participant, [...(projectsOf.get(participant) ?? []), project]);
  for (const o of organisations) {
    const projects = projectsOf.get(o.id) ?? [];
    o.projectCount = projects.length;
    o.coParticipations = projects.reduce((sum, p) => sum + (participantsOf.get(p)?.length ?? 1) - 1, 0);
  }
  return {
    organisations: new Map(organisations.map((o) => [o.id, o])),
    clusters: new Map([
      [cluster.id, cluster],
      [rival.id, rival],
    ]),
    chains: new Map([[chain.sectorId, chain]]),
    projectsOf,
    participantsOf,
    clustersOf: new Map([
      ['m1', ['cluster:t']],
      ['m2', ['cluster:t']],
      ['m3', ['cluster:t']],
      ['m4', ['cluster:t']],
      ['rival', ['cluster:rival']],
    ]),
  };
}

describe('partnerCandidates', () => {
  const result = partnerCandidates(ecosystem(), 'cluster:t') ?? [];
  const finishing = result.find((s) => s.stage.stage.id === 'stage:finishing');

  it('looks for partners for the gap only', () => {
    expect(result.map((s) => [s.stage.stage.id, s.stage.verdict])).toEqual([['stage:finishing', 'GAP']]);
  });

  it('ranks a near, tied provider above one that only provides, above a NACE match and a rival’s member', () => {
    // With the default weights, stated evidence (0.3) outweighs availability (0.1): a stated
    // finisher in a competing cluster still ranks above one only its NACE code suggests.
    expect(finishing?.candidates.map((c) => c.organisation.id)).toEqual([
      'near-tied',
      'rival',
      'nace',
      'far',
    ]);
  });

  it('gives the parts of each score and a sentence saying why', () => {
    const best = finishing?.candidates[0];
    expect(best?.parts).toEqual({
      stageFit: 1,
      geography: 1,
      cooperation: expect.any(Number),
      experience: expect.any(Number),
      kindFit: 1,
      availability: 1,
    });
    expect(best?.cooperation).toEqual({ distance: 1, membersMet: 2, sharedProjects: 2 });
    expect(best?.reason).toBe(
      'provides Dyeing and finishing (stated); in RO214 like the cluster; already co-participates with 2 members in 2 projects; 2 projects; a sme, as a production stage wants; not a member of any cluster',
    );
    const nace = finishing?.candidates.find((c) => c.organisation.id === 'nace');
    expect(nace?.reason).toContain('provides Dyeing and finishing (NACE 13.30)');
    const rival = finishing?.candidates.find((c) => c.organisation.id === 'rival');
    expect(rival?.reason).toContain('member of a competing cluster (Rival Textiles)');
    expect(finishing?.candidates.find((c) => c.organisation.id === 'far')?.reason).toContain(
      'elsewhere in the EU/EEA (ES); no project with members yet',
    );
  });

  it('keeps to the region filter and the kinds asked, and takes weights per request', () => {
    const outside = partnerCandidates(ecosystem(), 'cluster:t', { outsideRegion: 'RO21' });
    expect(outside?.[0]?.candidates.map((c) => c.organisation.id)).toEqual(['far']);
    const geographyOnly = partnerCandidates(ecosystem(), 'cluster:t', {
      weights: { stageFit: 0, geography: 1, cooperation: 0, experience: 0, kindFit: 0, availability: 0 },
      stageIds: ['stage:finishing'],
    });
    expect(geographyOnly?.[0]?.candidates.at(-1)?.organisation.id).toBe('far');
    expect(partnerCandidates(ecosystem(), 'cluster:t', { kinds: ['UNIVERSITY'] })?.[0]?.candidates).toEqual(
      [],
    );
  });

  it('normalises weights and refuses negative ones', () => {
    const sum = Object.values(normaliseWeights({ stageFit: 3 })).reduce((a, b) => a + b, 0);
    expect(sum).toBeCloseTo(1);
    expect(Object.values(DEFAULT_WEIGHTS).reduce((a, b) => a + b, 0)).toBeCloseTo(1);
    expect(() => normaliseWeights({ geography: -1 })).toThrow(/geography/);
  });
});

describe('proximityOf', () => {
  it('ranks NUTS 3, NUTS 2, country, neighbour, EU/EEA, beyond', () => {
    const home = { regionCode: 'RO214', country: 'RO' };
    expect(proximityOf({ regionCode: 'RO214', country: 'RO' }, home)).toBe('SAME_NUTS3');
    expect(proximityOf({ regionCode: 'RO211', country: 'RO' }, home)).toBe('SAME_NUTS2');
    expect(proximityOf({ regionCode: 'RO111', country: 'RO' }, home)).toBe('SAME_COUNTRY');
    expect(proximityOf({ regionCode: 'MD001', country: 'MD' }, home)).toBe('NEIGHBOURING_COUNTRY');
    expect(proximityOf({ regionCode: 'EL301', country: 'GR' }, home)).toBe('EU_EEA');
    expect(proximityOf({ regionCode: null, country: 'US' }, home)).toBe('FAR');
    expect(areNeighbours('MD', 'RO')).toBe(true);
    expect(areNeighbours('RO', 'GR')).toBe(false);
  });
});
