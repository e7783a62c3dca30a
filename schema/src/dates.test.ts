import { describe, expect, it } from 'vitest';
import { isCalendarDate } from './dates.ts';

describe('a date as precise as a source gives it', () => {
  it('takes a year, a month or a day that exists', () => {
    expect(['2019', '2019-04', '2019-04-30', '2020-02-29'].map(isCalendarDate)).toEqual([
      true,
      true,
      true,
      true,
    ]);
  });
  it('refuses a day or month that does not exist, and other spellings', () => {
    expect(['2019-02-29', '2019-13', '2019-4', '04/2019', '', 2019, null].map(isCalendarDate)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});
