import { describe, expect, it } from 'vitest';
import {
  EXPLORER_DEFAULTS,
  formatViewport,
  networkVariables,
  parseViewport,
  tiesByYear,
} from './explorer-state.ts';

const tie = (from: string | null, to: string | null) => ({
  source: 'a',
  target: 'b',
  weight: 1,
  projectCount: 1,
  explanation: '',
  from,
  to,
});

describe('explorer state', () => {
  it('turns the URL into the API’s network arguments, ignoring what is not valid', () => {
    expect(networkVariables({ ...EXPLORER_DEFAULTS })).toEqual({
      filter: { nodeKind: 'ORGANISATION', tieKind: 'CO_PARTICIPATION', minWeight: 1 },
      first: 500,
      brokers: false,
    });
    const variables = networkVariables({
      ...EXPLORER_DEFAULTS,
      region: 'RO1',
      okind: 'SME',
      from: '2016',
      to: 'soon',
      minw: '0',
      first: '777',
      origin: 'IMPORTED',
      brokers: 'on',
    });
    expect(variables.filter).toEqual({
      nodeKind: 'ORGANISATION',
      tieKind: 'CO_PARTICIPATION',
      regionCode: 'RO1',
      organisationKinds: ['SME'],
      period: { from: '2016' },
      origins: ['IMPORTED'],
      minWeight: 1,
    });
    expect(variables.first).toBe(500);
    expect(variables.brokers).toBe(true);
    // Kinds of organisation do not apply to a network of regions.
    expect(
      networkVariables({ ...EXPLORER_DEFAULTS, kind: 'REGION', okind: 'SME' }).filter,
    ).not.toHaveProperty('organisationKinds');
  });

  it('keeps a viewport in a short text and reads it back', () => {
    const viewport = { zoom: 1.25, x: -40.2, y: 310.7 };
    expect(formatViewport(viewport)).toBe('1.250@-40,311');
    expect(parseViewport(formatViewport(viewport))).toEqual({ zoom: 1.25, x: -40, y: 311 });
    expect(parseViewport('big')).toBeNull();
  });

  it('counts ties begun and active per year', () => {
    const { years, undated } = tiesByYear([
      tie('2015-02-01', '2017-12-31'),
      tie('2016-01-01', null),
      tie(null, null),
    ]);
    expect(undated).toBe(1);
    expect(years).toEqual([
      { year: 2015, started: 1, active: 1 },
      { year: 2016, started: 1, active: 2 },
      { year: 2017, started: 0, active: 1 },
    ]);
  });
});
