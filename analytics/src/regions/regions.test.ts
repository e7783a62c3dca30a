import { describe, expect, it } from 'vitest';
import { buildNetwork } from '../networks/build.ts';
import type { CooperationData } from '../networks/types.ts';
import { smallEcosystem } from '../test-support/fixtures.ts';
import { AggregateInputError, aggregate } from './aggregates.ts';
import { regionProfile } from './profile.ts';

const withContributions: CooperationData = {
  ...smallEcosystem,
  participations: smallEcosystem.participations.map((row) => ({ ...row, contribution: 100 })),
};
const network = buildNetwork(withContributions);

describe('region profiles', () => {
  it('Greece: mix, inside and outside ties, partners, gatekeepers, years', () => {
    const profile = regionProfile(withContributions, network, 'EL');
    expect(profile.organisationCount).toBe(4);
    expect(profile.helixMix.filter((share) => share.count > 0)).toEqual([
      { helix: 'BUSINESS', count: 2, share: 0.5 },
      { helix: 'RESEARCH', count: 1, share: 0.25 },
      { helix: 'UNIVERSITY', count: 1, share: 0.25 },
    ]);
    // A-B A-C B-C C-D inside; D-E D-F outside. Research/university with business: A-B, A-C, C-D, D-E, D-F.
    expect(profile).toMatchObject({ tieCount: 6, insideTies: 4, outsideTies: 2, researchBusinessTies: 5 });
    expect(profile.researchBusinessShare).toBeCloseTo(5 / 6);
    expect(profile.partnerCountries).toEqual([{ code: 'IT', ties: 2, weight: 2 }]);
    expect(profile.gatekeepers).toEqual([{ id: 'D', outsideTies: 2, outsideWeight: 2 }]);
    expect(profile.clusterIds).toEqual(['C1', 'C2']);
    expect(profile.perYear).toEqual([
      { year: 2014, projects: 1, contribution: 200 },
      { year: 2015, projects: 1, contribution: 300 },
      { year: 2019, projects: 1, contribution: 200 },
      { year: 2021, projects: 1, contribution: 100 },
    ]);
  });

  it('finds where research and business never meet', () => {
    // Crete: research institute D and SME C share P2, so they meet. Cut the ties to 2020 onwards.
    const later = buildNetwork(withContributions, { period: { from: '2021' } });
    const profile = regionProfile(withContributions, later, 'EL', { from: '2021' });
    expect(profile.neverMeet).toContainEqual({
      dimension: 'REGION',
      key: 'EL4',
      knowledgeOrganisations: 1,
      businesses: 1,
    });
    expect(profile.neverMeet).toContainEqual({
      dimension: 'CLUSTER',
      key: 'C2',
      knowledgeOrganisations: 1,
      businesses: 1,
    });
    expect(regionProfile(withContributions, network, 'EL').neverMeet).toEqual([]);
  });
});

describe('aggregates', () => {
  it('counts organisations per kind in a region and contribution per country and year', () => {
    expect(aggregate(withContributions, 'ORGANISATIONS', 'KIND', { regionCode: 'EL' })).toEqual([
      { key: 'SME', value: 2 },
      { key: 'RESEARCH_INSTITUTE', value: 1 },
      { key: 'UNIVERSITY', value: 1 },
    ]);
    expect(aggregate(withContributions, 'CONTRIBUTION', 'COUNTRY')).toEqual([
      { key: 'EL', value: 800 },
      { key: 'IT', value: 200 },
    ]);
    expect(
      aggregate(withContributions, 'PROJECTS', 'YEAR', { period: { from: '2014-06', to: '2019' } }),
    ).toEqual([
      { key: '2014', value: 1 },
      { key: '2015', value: 1 },
      { key: '2019', value: 1 },
    ]);
    expect(aggregate(withContributions, 'CLUSTERS', 'REGION', { regionLevel: 1 })).toEqual([
      { key: 'EL3', value: 1 },
      { key: 'EL4', value: 1 },
    ]);
  });

  it('refuses a grouping the measure does not have', () => {
    expect(() => aggregate(withContributions, 'PROJECTS', 'KIND')).toThrow(AggregateInputError);
  });
});
