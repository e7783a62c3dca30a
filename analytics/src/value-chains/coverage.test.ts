import { describe, expect, it } from 'vitest';
import { valueChainCoverage } from './coverage.ts';
import type { OrganisationFacts, StageFacts } from './facts.ts';
import { matchingNaceCode } from './facts.ts';

const stage = (id: string, naceCodes: string[] = [], kind: StageFacts['kind'] = 'PRIMARY'): StageFacts => ({
  id,
  name: id,
  kind,
  naceCodes,
});

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

describe('matchingNaceCode', () => {
  it('matches a code under a stage code and nothing else', () => {
    expect(matchingNaceCode(['13.30'], ['13.30'])).toBe('13.30');
    expect(matchingNaceCode(['13.10'], ['13.1'])).toBe('13.10');
    expect(matchingNaceCode(['14.13'], ['14'])).toBe('14.13');
    expect(matchingNaceCode(['13.20'], ['13.1'])).toBeNull();
    expect(matchingNaceCode(['141'], ['14'])).toBeNull();
  });
});

describe('valueChainCoverage', () => {
  const chain = {
    sectorId: 'sector:t',
    sectorName: 'Textiles',
    stages: [
      stage('single'),
      stage('nace', ['13.30']),
      stage('abroad'),
      stage('none', ['99.99']),
      stage('strong'),
      stage('support', [], 'SUPPORT'),
    ],
  };
  const members = [
    org('a', 'RO213', { providesStageIds: ['single', 'strong'] }),
    org('b', 'RO216', { naceCodes: ['13.30'], providesStageIds: ['strong'] }),
    org('c', 'RO111', { providesStageIds: ['abroad', 'support'] }),
    org('d', 'BG311', { providesStageIds: ['abroad', 'support'], synthetic: true }),
  ];
  const coverage = valueChainCoverage({
    scope: { kind: 'CLUSTER', id: 'cluster:x', regionCode: 'RO21', synthetic: false },
    chains: [chain],
    organisations: members,
  });
  const byId = new Map(coverage.chains[0]?.stages.map((s) => [s.stage.id, s]));

  it('gives each stage its verdict and the reasons a provided stage is weak', () => {
    expect([...byId.values()].map((s) => [s.stage.id, s.verdict, s.reasons])).toEqual([
      ['single', 'WEAK', ['SINGLE_PROVIDER']],
      ['nace', 'WEAK', ['SINGLE_PROVIDER', 'NACE_ONLY']],
      ['abroad', 'WEAK', ['OUTSIDE_REGION_ONLY']],
      ['none', 'GAP', []],
      ['strong', 'COVERED', []],
      ['support', 'WEAK', ['OUTSIDE_REGION_ONLY']],
    ]);
  });

  it('says how each provider provides the stage, stated ones first', () => {
    expect(byId.get('nace')?.providers.map((p) => [p.organisation.id, p.via, p.naceCode])).toEqual([
      ['b', 'NACE', '13.30'],
    ]);
    expect(byId.get('strong')?.providers.map((p) => [p.organisation.id, p.via, p.inRegion])).toEqual([
      ['a', 'EXPLICIT', true],
      ['b', 'EXPLICIT', true],
    ]);
  });

  it('weakens a curated scope whose only providers are synthetic', () => {
    const onlySynthetic = valueChainCoverage({
      scope: { kind: 'CLUSTER', id: 'cluster:x', regionCode: 'BG31', synthetic: false },
      chains: [chain],
      organisations: [members[3] as OrganisationFacts, { ...(members[3] as OrganisationFacts), id: 'e' }],
    });
    const abroad = onlySynthetic.chains[0]?.stages.find((s) => s.stage.id === 'abroad');
    expect(abroad?.reasons).toEqual(['SYNTHETIC_ONLY']);
  });

  it('states coverage as shares of the chain’s stages', () => {
    expect(coverage.chains[0]?.coveredShare).toBeCloseTo(1 / 6);
    expect(coverage.chains[0]?.providedShare).toBeCloseTo(5 / 6);
    expect(coverage.coveredShare).toBeCloseTo(1 / 6);
  });
});
