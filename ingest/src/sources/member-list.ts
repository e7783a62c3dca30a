import { createHash } from 'node:crypto';
import { basename, extname } from 'node:path';
import { foldText, isoCountryOfNuts, ORGANISATION_KINDS, type OrganisationKind } from '@clustergraph/schema';
import ExcelJS from 'exceljs';
import { CsvCells, type CsvRow, type ReadProgress, readCsv } from '../imports/csv.ts';
import { normaliseName, normaliseVat } from '../imports/names.ts';
import { type ImportStatement, StatementBuilder } from '../imports/statement.ts';
import { locate, organisationId } from './cordis-common.ts';
import type { KnownCluster, MappingContext } from './h2020.ts';

/**
 * The columns of a member list, each with the header names an agency's file may use for it
 * (compared without case, accents or punctuation): English and Romanian. Only `name` is required.
 */
export const MEMBER_LIST_COLUMNS = {
  name: [
    'name',
    'organisation',
    'organization',
    'organisation name',
    'organization name',
    'company',
    'member',
    'member name',
    'legal name',
    'denumire',
    'denumire membru',
    'denumirea',
    'nume',
    'membru',
    'organizatie',
    'firma',
    'societate',
  ],
  pic: ['pic', 'participant identification code', 'eu pic', 'cod pic', 'organisationid'],
  vat: [
    'vat',
    'vat number',
    'vat no',
    'vat id',
    'tax id',
    'tax number',
    'cui',
    'cif',
    'cod fiscal',
    'cod unic de inregistrare',
    'cod de identificare fiscala',
  ],
  registryNumber: [
    'registry number',
    'registration number',
    'trade register',
    'trade register number',
    'company number',
    'nr reg com',
    'nr registrul comertului',
    'numar de ordine in registrul comertului',
    'registrul comertului',
    'onrc',
    'reg com',
  ],
  naceCodes: [
    'nace',
    'nace code',
    'nace codes',
    'nace rev 2',
    'caen',
    'cod caen',
    'coduri caen',
    'activity code',
    'activity codes',
  ],
  city: ['city', 'town', 'locality', 'oras', 'localitate', 'municipiu', 'sediu'],
  nutsCode: ['nuts', 'nuts code', 'nuts region', 'cod nuts', 'regiune nuts'],
  country: ['country', 'country code', 'tara', 'cod tara'],
  kind: [
    'kind',
    'type',
    'organisation type',
    'organization type',
    'category',
    'tip',
    'tip organizatie',
    'categorie',
    'tip membru',
  ],
  website: [
    'website',
    'web',
    'site',
    'url',
    'web site',
    'site web',
    'site internet',
    'pagina web',
    'adresa web',
  ],
  role: ['role', 'membership', 'membership type', 'rol', 'calitate', 'tip membership'],
  since: [
    'since',
    'joined',
    'joined on',
    'member since',
    'date joined',
    'membership date',
    'data aderarii',
    'data aderare',
    'membru din',
    'anul aderarii',
    'aderare',
  ],
  cluster: ['cluster', 'cluster id'],
} as const;

export type MemberListColumn = keyof typeof MEMBER_LIST_COLUMNS;

function headerKey(header: string): string {
  return foldText(header)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const COLUMN_OF_HEADER = new Map<string, MemberListColumn>(
  Object.entries(MEMBER_LIST_COLUMNS).flatMap(([column, names]) =>
    names.map((name) => [headerKey(name), column as MemberListColumn] as const),
  ),
);

/** The column a header names, or the header as it is (a column the importer does not read). */
export function memberListColumn(header: string): string {
  return COLUMN_OF_HEADER.get(headerKey(header)) ?? header;
}

/** What a member list may write in its kind column, English and Romanian, compared like headers. */
const KIND_WORDS: Readonly<Record<string, OrganisationKind>> = {
  ...Object.fromEntries(ORGANISATION_KINDS.map((kind) => [headerKey(kind.replace(/_/g, ' ')), kind])),
  imm: 'SME',
  ims: 'SME',
  startup: 'SME',
  'start up': 'SME',
  micro: 'SME',
  microintreprindere: 'SME',
  'intreprindere mica': 'SME',
  'intreprindere mijlocie': 'SME',
  'small company': 'SME',
  'medium company': 'SME',
  large: 'LARGE_COMPANY',
  'large enterprise': 'LARGE_COMPANY',
  'intreprindere mare': 'LARGE_COMPANY',
  companie: 'COMPANY',
  firma: 'COMPANY',
  enterprise: 'COMPANY',
  business: 'COMPANY',
  prc: 'COMPANY',
  universitate: 'UNIVERSITY',
  'higher education': 'UNIVERSITY',
  hes: 'UNIVERSITY',
  research: 'RESEARCH_INSTITUTE',
  'research organisation': 'RESEARCH_INSTITUTE',
  'research organization': 'RESEARCH_INSTITUTE',
  'institut de cercetare': 'RESEARCH_INSTITUTE',
  cercetare: 'RESEARCH_INSTITUTE',
  cdi: 'RESEARCH_INSTITUTE',
  rec: 'RESEARCH_INSTITUTE',
  public: 'PUBLIC_AUTHORITY',
  'public body': 'PUBLIC_AUTHORITY',
  'autoritate publica': 'PUBLIC_AUTHORITY',
  'administratie publica': 'PUBLIC_AUTHORITY',
  'autoritate publica locala': 'PUBLIC_AUTHORITY',
  pub: 'PUBLIC_AUTHORITY',
  'agentie de dezvoltare': 'DEVELOPMENT_AGENCY',
  'agentie de dezvoltare regionala': 'DEVELOPMENT_AGENCY',
  adr: 'DEVELOPMENT_AGENCY',
  camera: 'CHAMBER',
  'camera de comert': 'CHAMBER',
  'chamber of commerce': 'CHAMBER',
  incubator: 'BUSINESS_SUPPORT',
  accelerator: 'BUSINESS_SUPPORT',
  consultanta: 'BUSINESS_SUPPORT',
  'suport afaceri': 'BUSINESS_SUPPORT',
  'organizatie de suport': 'BUSINESS_SUPPORT',
  'cluster organization': 'CLUSTER_ORGANISATION',
  ngo: 'NGO',
  ong: 'NGO',
  asociatie: 'NGO',
  association: 'NGO',
  fundatie: 'NGO',
  foundation: 'NGO',
  altele: 'OTHER',
  altul: 'OTHER',
  oth: 'OTHER',
};

/** A member list may write its dates as 2019, 2019-03-01, 01.03.2019 or 01/03/2019 (day first). */
export function memberSince(value: string): string | null {
  const iso = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  const dayFirst = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(value);
  const [year, month, day] = iso
    ? [iso[1], iso[2], iso[3]]
    : dayFirst
      ? [dayFirst[3], dayFirst[2]?.padStart(2, '0'), dayFirst[1]?.padStart(2, '0')]
      : [];
  if (!year) return null;
  const date = new Date(Date.UTC(Number(year), Number(month ?? 1) - 1, Number(day ?? 1)));
  if (date.getUTCMonth() !== Number(month ?? 1) - 1 || date.getUTCDate() !== Number(day ?? 1)) return null;
  return [year, month, day].filter(Boolean).join('-');
}

const NACE = /^[A-U](\d{2}(\.\d{1,2})?)?$|^\d{2}(\.?\d{1,2})?$/;

/** NACE (CAEN) codes as a list, "62.01; 62.02" or "6201, 6202": written the NACE way, 62.01. */
function naceCodes(cells: CsvCells): string[] | undefined {
  const value = cells.text('naceCodes');
  if (value === undefined) return undefined;
  const codes = value.split(/[,;\s/|]+/).filter(Boolean);
  const bad = codes.filter((code) => !NACE.test(code.toUpperCase()));
  if (bad.length > 0) {
    cells.refuse('naceCodes', `is not a NACE code: "${bad.join('", "')}" (write 62.01 or 6201)`);
    return undefined;
  }
  return codes.map((code) => {
    const upper = code.toUpperCase();
    return /^\d{4}$/.test(upper) ? `${upper.slice(0, 2)}.${upper.slice(2)}` : upper;
  });
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('error' in value) return String(value.error);
    return '';
  }
  return String(value);
}

/** The rows of the first worksheet of an XLSX workbook, read with exceljs, the first row the header. */
async function* readXlsx(path: string): AsyncGenerator<CsvRow> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(path);
  } catch (error) {
    throw new Error(`${basename(path)}: not a readable XLSX workbook (${(error as Error).message})`);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error(`${basename(path)}: the workbook has no worksheet`);
  const file = basename(path);
  let header: string[] | null = null;
  const rows: CsvRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values = row.values as ExcelJS.CellValue[];
    const record = Array.from({ length: Math.max(values.length - 1, 0) }, (_, index) =>
      cellText(values[index + 1] ?? null),
    );
    if (!header) {
      header = record.map((name) => memberListColumn(name.trim()));
      return;
    }
    if (record.every((cell) => cell.trim() === '')) return;
    rows.push({ file, line: rowNumber, cells: new CsvCells(file, rowNumber, header, record) });
  });
  yield* rows;
}

export function readMemberList(
  path: string,
  onProgress?: (progress: ReadProgress) => void,
): AsyncGenerator<CsvRow> {
  const extension = extname(path).toLowerCase();
  if (extension === '.xlsx') return readXlsx(path);
  if (extension === '.csv' || extension === '.txt')
    return readCsv(path, onProgress, { mapHeader: memberListColumn });
  throw new Error(`${basename(path)}: a member list is a .csv or .xlsx file`);
}

function slug(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

/**
 * The identity a member gets when it matches nothing in the graph: by PIC, else VAT, else its
 * normalised name and country (so the same list imported again names the same node).
 */
function memberId(keys: {
  pic?: string | undefined;
  vat?: string | undefined;
  name: string;
  country?: string | undefined;
}): string {
  if (keys.pic) return organisationId(keys.pic);
  if (keys.vat) return `organisation:vat:${normaliseVat(keys.vat)}`;
  return `organisation:name:${(keys.country ?? 'xx').toLowerCase()}:${slug(normaliseName(keys.name))}`;
}

const PIC = /^\d{9}$/;

/**
 * A cluster's member list as an agency keeps it (CSV or the first sheet of an XLSX workbook):
 * one member a row, columns as MEMBER_LIST_COLUMNS. Each row states an organisation (matched to
 * the graph by PIC, VAT, then name + country), its region (NUTS code, else country), and its
 * MEMBER_OF the cluster with role and since. Rows without a country take the cluster's.
 */
export async function mapMemberList(
  path: string,
  context: MappingContext,
  onProgress?: (progress: ReadProgress) => void,
): Promise<ImportStatement> {
  const builder = new StatementBuilder();
  const clusters: ReadonlyMap<string, KnownCluster> = context.clusters ?? new Map();
  let headerChecked = false;
  for await (const { file, line, cells } of readMemberList(path, onProgress)) {
    if (!headerChecked) {
      headerChecked = true;
      if (!cells.has('name')) {
        builder.refuse([
          {
            file,
            line: 1,
            field: 'name',
            message: `no column names the members (a header such as ${MEMBER_LIST_COLUMNS.name.slice(0, 4).join(', ')}, denumire)`,
          },
        ]);
        return builder.statement;
      }
    }
    builder.statement.rowsRead += 1;
    const name = cells.required('name');
    const pic = cells.text('pic');
    if (pic !== undefined && !PIC.test(pic)) cells.refuse('pic', `is not a nine-digit PIC: "${pic}"`);
    const vat = cells.text('vat');
    if (vat !== undefined && !/^[A-Za-z]{0,2}\s*\d[\d\s.-]{1,15}$/.test(vat)) {
      cells.refuse('vat', `is not a VAT number: "${vat}"`);
    }
    const nutsCode = cells.text('nutsCode')?.toUpperCase();
    if (nutsCode !== undefined && !/^[A-Z]{2}[A-Z0-9]{0,3}$/.test(nutsCode)) {
      cells.refuse('nutsCode', `is not a NUTS code: "${nutsCode}"`);
    }
    const countryText = cells.text('country')?.toUpperCase();
    if (countryText !== undefined && !/^[A-Z]{2}$/.test(countryText)) {
      cells.refuse('country', `is not a two-letter country code: "${countryText}"`);
    }
    const kindText = cells.text('kind');
    const kind = kindText === undefined ? undefined : KIND_WORDS[headerKey(kindText)];
    if (kindText !== undefined && kind === undefined) {
      cells.refuse(
        'kind',
        `unknown kind "${kindText}" (known: ${ORGANISATION_KINDS.join(', ')}, or IMM, universitate, ONG ...)`,
      );
    }
    const sinceText = cells.text('since');
    const since = sinceText === undefined ? undefined : memberSince(sinceText);
    if (sinceText !== undefined && since === null) {
      cells.refuse('since', `is not a date (2019, 2019-03-01 or 01.03.2019): "${sinceText}"`);
    }
    const website = cells.text('website');
    if (website !== undefined && !/^(https?:\/\/)?[^\s/]+\.[^\s]+$/i.test(website)) {
      cells.refuse('website', `is not a web address: "${website}"`);
    }
    const nace = naceCodes(cells);
    const clusterText = cells.text('cluster');
    const cluster = clusterText === undefined ? context.cluster : clusters.get(headerKey(clusterText));
    if (clusterText !== undefined && !cluster) {
      cells.refuse('cluster', `no cluster "${clusterText}" in the graph (give its id, name or acronym)`);
    } else if (!cluster && cells.problems.length === 0) {
      cells.refuse('cluster', 'which cluster? Give --cluster <id, name or acronym>, or a cluster column');
    }
    if (cells.problems.length > 0 || !name || !cluster) {
      builder.refuse(cells.problems);
      continue;
    }
    const nutsCountry = (nutsCode ?? countryText ?? cluster.country)?.slice(0, 2);
    const country = nutsCountry ? isoCountryOfNuts(nutsCountry) : undefined;
    const organisation = memberId({ pic, vat, name, country });
    builder.node(
      'Organisation',
      organisation,
      {
        name,
        pic,
        vat,
        registryNumber: cells.text('registryNumber'),
        kind,
        country,
        city: cells.text('city'),
        website,
        naceCodes: nace,
      },
      line,
    );
    builder.matchKeys(organisation, {
      label: 'Organisation',
      name,
      ...(pic ? { pic } : {}),
      ...(vat ? { vat } : {}),
      ...(country ? { country } : {}),
    });
    const where = nutsCode ?? nutsCountry;
    if (where) {
      const region = locate(builder, context.knownRegions, where, line);
      builder.relationship('LOCATED_IN', ['Organisation', organisation], ['Region', region], {}, line);
    }
    builder.relationship(
      'MEMBER_OF',
      ['Organisation', organisation],
      ['Cluster', cluster.id],
      { role: cells.text('role'), since },
      line,
    );
  }
  if (!headerChecked) {
    builder.refuse([{ file: basename(path), line: 1, message: 'the file has no header row and no members' }]);
  }
  return builder.statement;
}

/** The keys a member list may name a cluster by: id, name or acronym, compared like headers. */
export function clusterKeys(cluster: { id: string; name: string; acronym?: string | null }): string[] {
  return [cluster.id, cluster.name, cluster.acronym ?? '']
    .filter((key) => key !== '')
    .map((key) => headerKey(key));
}
