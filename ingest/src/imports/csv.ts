import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { parse } from 'csv-parse';
import type { RowProblem } from './statement.ts';

/** One record of a CSV file with where it starts, read by header name. */
export type CsvRow = { file: string; line: number; cells: CsvCells };

/** Bytes read so far of the file as stored (compressed or not), for progress. */
export type ReadProgress = { bytesRead: number; totalBytes: number; rows: number };

/**
 * The separator of a CSV file, from its header line: CORDIS publishes its files with `;`, the
 * exports most tools make use `,`.
 */
export function detectDelimiter(headerLine: string): ';' | ',' {
  const count = (char: string) => headerLine.split(char).length - 1;
  return count(';') > count(',') ? ';' : ',';
}

async function firstLine(path: string): Promise<string> {
  const input = openText(path);
  let text = '';
  for await (const chunk of input) {
    text += chunk.toString('utf8');
    const end = text.indexOf('\n');
    if (end >= 0) {
      input.destroy();
      return text.slice(0, end);
    }
  }
  return text;
}

function openText(path: string): Readable {
  const raw = createReadStream(path);
  return path.endsWith('.gz') ? raw.pipe(createGunzip()) : raw;
}

/**
 * Reads a CSV file (gzip when the name ends in .gz) with csv-parse: byte-order mark dropped,
 * separator detected, quoted fields over several lines kept whole, each record with the line it
 * starts on. Header names are matched by `cells.get(name)`; unknown columns are left alone.
 */
export async function* readCsv(
  path: string,
  onProgress?: (progress: ReadProgress) => void,
  options: { mapHeader?: (name: string) => string } = {},
): AsyncGenerator<CsvRow> {
  const delimiter = detectDelimiter(await firstLine(path));
  const raw = createReadStream(path);
  const { size } = await import('node:fs/promises').then((fs) => fs.stat(path));
  let bytesRead = 0;
  raw.on('data', (chunk) => {
    bytesRead += chunk.length;
  });
  const text = path.endsWith('.gz') ? raw.pipe(createGunzip()) : raw;
  const parser = text.pipe(
    parse({ bom: true, delimiter, columns: false, relax_column_count: true, info: true, trim: false }),
  );
  const file = basename(path);
  let header: string[] | null = null;
  let nextLine = 1;
  let rows = 0;
  for await (const { record, info } of parser as AsyncIterable<{
    record: string[];
    info: { lines: number };
  }>) {
    const line = nextLine;
    nextLine = info.lines + 1;
    if (!header) {
      header = record.map((name) => (options.mapHeader ?? ((same: string) => same))(name.trim()));
      continue;
    }
    if (record.length === 1 && record[0] === '') continue;
    rows += 1;
    if (onProgress && rows % 2_000 === 0) onProgress({ bytesRead, totalBytes: size, rows });
    yield { file, line, cells: new CsvCells(file, line, header, record) };
  }
  onProgress?.({ bytesRead, totalBytes: size, rows });
}

/** The cells of one record, typed on reading; each bad cell becomes a problem naming its column. */
export class CsvCells {
  readonly problems: RowProblem[] = [];
  readonly #index: Map<string, number>;

  constructor(
    readonly file: string,
    readonly line: number,
    header: readonly string[],
    private readonly record: readonly string[],
  ) {
    this.#index = new Map(header.map((name, index) => [name, index]));
  }

  has(name: string): boolean {
    return this.#index.has(name);
  }

  #problem(name: string, message: string): void {
    const index = this.#index.get(name);
    this.problems.push({
      file: this.file,
      line: this.line,
      ...(index === undefined ? {} : { column: index + 1 }),
      field: name,
      message,
    });
  }

  /** The trimmed text of a cell; an empty one reads as absent. */
  text(name: string): string | undefined {
    const index = this.#index.get(name);
    const value = index === undefined ? undefined : this.record[index]?.trim();
    return value === '' ? undefined : value;
  }

  required(name: string): string | undefined {
    const value = this.text(name);
    if (value === undefined) this.#problem(name, 'is empty');
    return value;
  }

  /**
   * A number, with a decimal point or, as CORDIS writes some, a decimal comma ("1499998,5").
   * NA reads as absent (never as text: NA is also Namibia's country code).
   */
  number(name: string): number | undefined {
    const value = this.text(name);
    if (value === undefined || value === 'NA') return undefined;
    const normalised = value.includes(',')
      ? value.replace(/\.(?=\d{3}(\D|$))/g, '').replace(',', '.')
      : value;
    const parsed = /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(normalised) ? Number(normalised) : Number.NaN;
    if (!Number.isFinite(parsed)) {
      this.#problem(name, `is not a number: "${value}"`);
      return undefined;
    }
    return parsed;
  }

  /** A calendar date YYYY-MM-DD (a time after it, as CORDIS adds to some, is dropped); NA reads as absent. */
  date(name: string): string | undefined {
    const value = this.text(name);
    if (value === undefined || value === 'NA') return undefined;
    const date = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
    const valid =
      date &&
      (() => {
        const [year, month, day] = [Number(date[1]), Number(date[2]), Number(date[3])];
        const parsed = new Date(Date.UTC(year, month - 1, day));
        return parsed.getUTCMonth() === month - 1 && parsed.getUTCDate() === day;
      })();
    if (!valid) {
      this.#problem(name, `is not a date (YYYY-MM-DD): "${value}"`);
      return undefined;
    }
    return value.slice(0, 10);
  }

  boolean(name: string): boolean | undefined {
    const value = this.text(name)?.toLowerCase();
    if (value === undefined) return undefined;
    if (value === 'true' || value === '1' || value === 'yes') return true;
    if (value === 'false' || value === '0' || value === 'no') return false;
    this.#problem(name, `is not true or false: "${this.text(name)}"`);
    return undefined;
  }

  /** One of the values of a table, mapped; anything else is a problem listing what is known. */
  oneOf<T>(name: string, table: Readonly<Record<string, T>>): T | undefined {
    const value = this.required(name);
    if (value === undefined) return undefined;
    const mapped = table[value] ?? table[value.toUpperCase()] ?? table[value.toLowerCase()];
    if (mapped === undefined) {
      this.#problem(name, `unknown value "${value}" (known: ${Object.keys(table).join(', ')})`);
    }
    return mapped;
  }

  refuse(name: string, message: string): void {
    this.#problem(name, message);
  }
}
