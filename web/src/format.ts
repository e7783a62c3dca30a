/** Abbreviations among the API's enum values, which stay in capitals. */
const ABBREVIATIONS = new Set(['SME', 'NGO']);

/** Turns an API enum value (CLUSTER_ORGANISATION) into words (Cluster organisation). */
export function humanize(value: string): string {
  const words = value
    .split('_')
    .map((word) => (ABBREVIATIONS.has(word) ? word : word.toLowerCase()))
    .join(' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const wholeNumber = new Intl.NumberFormat('en-GB');
export const formatCount = (value: number) => wholeNumber.format(value);

/** Budgets as the source states them, in their own currency. */
export function formatMoney(amount: number, currency: string | null | undefined): string {
  const formatted = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 }).format(amount);
  return currency ? `${formatted} ${currency}` : formatted;
}

/** Dates stay as precise as the source gives them (2019, 2019-03, 2019-03-31). */
export function formatPeriod(
  start: string | null | undefined,
  end: string | null | undefined,
): string | null {
  if (start && end) return `${start} – ${end}`;
  if (start) return `from ${start}`;
  if (end) return `until ${end}`;
  return null;
}
