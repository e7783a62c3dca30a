/** A date as precise as a source gives it: a year, a month, or a day. */
export const PARTIAL_ISO_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/** YYYY, YYYY-MM or YYYY-MM-DD naming a day, month or year that exists (no 2019-02-30). */
export function isCalendarDate(value: unknown): boolean {
  if (typeof value !== 'string' || !PARTIAL_ISO_DATE.test(value)) return false;
  const [year, month = 1, day = 1] = value.split('-').map(Number) as [number, number?, number?];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export const CALENDAR_DATE_RULE = 'an ISO date that exists (YYYY, YYYY-MM or YYYY-MM-DD)';
