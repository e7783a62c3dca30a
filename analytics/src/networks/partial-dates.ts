/**
 * Partial dates as analysts write them: "2014" is the whole year, "2014-06" the whole month,
 * "2014-06-15" the day. A range { from, to } covers from the first day of `from` to the last day
 * of `to`, both included; a project is in the range when its period overlaps it (a project with
 * no known start or end is outside every bounded range).
 */

const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

export class PartialDateError extends Error {
  constructor(
    readonly value: string,
    reason: string,
  ) {
    super(`"${value}" is not a partial date (yyyy, yyyy-mm or yyyy-mm-dd): ${reason}`);
    this.name = 'PartialDateError';
  }
}

export interface DateSpan {
  /** ISO date of the first day the partial date covers. */
  first: string;
  /** ISO date of the last day the partial date covers. */
  last: string;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

export function partialDateSpan(value: string): DateSpan {
  const match = PARTIAL_DATE.exec(value.trim());
  if (!match) throw new PartialDateError(value, 'wrong shape');
  const [, year, month, day] = match as unknown as [string, string, string | undefined, string | undefined];
  if (month === undefined) return { first: `${year}-01-01`, last: `${year}-12-31` };
  const monthNumber = Number(month);
  if (monthNumber < 1 || monthNumber > 12) throw new PartialDateError(value, 'month out of range');
  const daysInMonth = new Date(Date.UTC(Number(year), monthNumber, 0)).getUTCDate();
  if (day === undefined)
    return { first: `${year}-${month}-01`, last: `${year}-${month}-${pad(daysInMonth)}` };
  const dayNumber = Number(day);
  if (dayNumber < 1 || dayNumber > daysInMonth) throw new PartialDateError(value, 'day out of range');
  return { first: `${year}-${month}-${day}`, last: `${year}-${month}-${day}` };
}

export interface DateRange {
  /** ISO date, inclusive, or null for open. */
  first: string | null;
  last: string | null;
}

/** Throws PartialDateError (with the offending value) on a malformed bound or a range ending before it starts. */
export function dateRange(range: { from?: string | null; to?: string | null } | undefined): DateRange {
  const first = range?.from ? partialDateSpan(range.from).first : null;
  const last = range?.to ? partialDateSpan(range.to).last : null;
  if (first !== null && last !== null && first > last) {
    throw new PartialDateError(range?.to ?? '', `ends before ${range?.from} starts`);
  }
  return { first, last };
}

/** Does a period (ISO dates, null when unknown) overlap the range? An open range accepts everything. */
export function overlaps(range: DateRange, start: string | null, end: string | null): boolean {
  if (range.first === null && range.last === null) return true;
  const periodStart = start ?? end;
  const periodEnd = end ?? start;
  if (periodStart === null || periodEnd === null) return false;
  if (range.last !== null && periodStart.slice(0, 10) > range.last) return false;
  if (range.first !== null && periodEnd.slice(0, 10) < range.first) return false;
  return true;
}
