import { describe, expect, it } from 'vitest';
import { matchDemandSupply, type Offer, termOf } from './match.ts';

const offer = (
  id: string,
  kind: Offer['kind'],
  name: string,
  text: string,
  addressesNeedIds: string[] = [],
): Offer => ({
  id,
  kind,
  name,
  text,
  regionCodes: [],
  partnerIds: [],
  addressesNeedIds,
});

const offers = [
  offer(
    'gp:intermediation',
    'GOOD_PRACTICE',
    'Scientific Group Intermediation',
    'Research–business intermediation: scientific groups help enterprises and universities cooperate',
  ),
  offer('gp:booth', 'GOOD_PRACTICE', 'Collective booth at trade fairs', 'Export promotion at shows'),
  offer('pilot:forum', 'PILOT_ACTION', 'Regional online forum', 'Highlights regional innovation offer', [
    'need:market',
  ]),
  offer('org:lab', 'CAPABILITY', 'Textile Lab', 'dyeing; finishing; textile testing'),
];

describe('matchDemandSupply', () => {
  it('ranks the offer sharing the need’s words first and says which words matched', () => {
    const [result] = matchDemandSupply(
      [{ id: 'need:coop', text: 'Low cooperation between universities and business', regionCode: 'RO21' }],
      offers,
    );
    expect(result?.matches[0]?.offer.id).toBe('gp:intermediation');
    expect(result?.matches[0]?.score).toBe(1);
    expect(result?.matches[0]?.matchedWords).toEqual(
      expect.arrayContaining(['cooperation', 'universities', 'business']),
    );
    expect(result?.matches.map((match) => match.offer.id)).not.toContain('gp:booth');
  });

  it('puts what a source states addresses the need first, even without shared words', () => {
    const [result] = matchDemandSupply(
      [{ id: 'need:market', text: 'No single market for demand', regionCode: null }],
      offers,
    );
    expect(result?.matches[0]).toMatchObject({ offer: { id: 'pilot:forum' }, stated: true, score: 1 });
  });

  it('meets Romanian and French spellings, diacritics ignored, and keeps the kinds asked', () => {
    const [ro] = matchDemandSupply(
      [{ id: null, text: 'cooperarea universităților cu firmele', regionCode: null }],
      offers,
    );
    expect(ro?.matches[0]?.offer.id).toBe('gp:intermediation');
    expect(ro?.matches[0]?.matchedWords).toContain('universităților');
    const [fr] = matchDemandSupply(
      [{ id: null, text: 'finition et teinture textile', regionCode: null }],
      offers,
      {
        kinds: ['CAPABILITY'],
      },
    );
    expect(fr?.matches.map((match) => match.offer.id)).toEqual(['org:lab']);
    expect(termOf('Coopération')).toBe(termOf('cooperation'));
    expect(termOf('și')).toBeNull();
  });
});
