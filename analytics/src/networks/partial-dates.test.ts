import { describe, expect, it } from 'vitest';
import { dateRange, overlaps, PartialDateError, partialDateSpan } from './partial-dates.ts';

describe('partial dates', () => {
  it('cover the whole year, month or day they name', () => {
    expect(partialDateSpan('2014')).toEqual({ first: '2014-01-01', last: '2014-12-31' });
    expect(partialDateSpan('2016-02')).toEqual({ first: '2016-02-01', last: '2016-02-29' });
    expect(partialDateSpan('2014-06-15')).toEqual({ first: '2014-06-15', last: '2014-06-15' });
  });

  it('refuse what is not a date, saying which value', () => {
    expect(() => partialDateSpan('June 2014')).toThrow(/"June 2014"/);
    expect(() => partialDateSpan('2015-02-29')).toThrow(PartialDateError);
    expect(() => dateRange({ from: '2016', to: '2015' })).toThrow(/ends before 2016/);
  });

  it('take a period as inside a range when the two overlap', () => {
    const range = dateRange({ from: '2014-06', to: '2015' });
    expect(overlaps(range, '2013-01-01', '2014-06-01')).toBe(true);
    expect(overlaps(range, '2013-01-01', '2014-05-31')).toBe(false);
    expect(overlaps(range, '2016-01-01', null)).toBe(false);
    expect(overlaps(range, null, null)).toBe(false);
    expect(overlaps(dateRange(undefined), null, null)).toBe(true);
  });
});
