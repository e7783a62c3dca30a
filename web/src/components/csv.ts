import Papa from 'papaparse';

export type CsvCell = string | number | boolean | null | undefined;

/** Rows as CSV (RFC 4180 quoting by papaparse), downloaded under `filename`. */
export function downloadCsv(filename: string, header: readonly string[], rows: readonly CsvCell[][]): void {
  const text = Papa.unparse({ fields: [...header], data: rows.map((row) => row.map((cell) => cell ?? '')) });
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  // The download has started from the link; the URL is not needed any more.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
