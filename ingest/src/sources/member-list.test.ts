import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KnownCluster } from './h2020.ts';
import { mapMemberList, memberListColumn, memberSince } from './member-list.ts';

const fixture = (path: string) => fileURLToPath(new URL(`../../fixtures/${path}`, import.meta.url));

const astrico: KnownCluster = { id: 'cluster:astrico-ne', name: 'Astrico North-East', country: 'RO' };
const context = {
  knownRegions: new Set(['region:RO', 'region:RO2', 'region:RO21', 'region:RO213']),
  clusters: new Map([
    ['cluster astrico ne', astrico],
    ['astrico ne', astrico],
  ]),
  cluster: astrico,
};

describe('memberListColumn reads the headers an agency writes', () => {
  it.each([
    ['Name', 'name'],
    ['DENUMIRE', 'name'],
    ['Denumire membru', 'name'],
    ['Organization name', 'name'],
    ['cui', 'vat'],
    ['Cod fiscal', 'vat'],
    ['VAT number', 'vat'],
    ['Nr. Reg. Com.', 'registryNumber'],
    ['Cod CAEN', 'naceCodes'],
    ['NACE codes', 'naceCodes'],
    ['Localitate', 'city'],
    ['Oraș', 'city'],
    ['Cod NUTS', 'nutsCode'],
    ['Țara', 'country'],
    ['Tip organizație', 'kind'],
    ['Site web', 'website'],
    ['Rol', 'role'],
    ['Data aderării', 'since'],
    ['Member since', 'since'],
    ['joined_on', 'since'],
    ['PIC', 'pic'],
    ['Comments', 'Comments'],
  ])('%s is %s', (header, column) => {
    expect(memberListColumn(header)).toBe(column);
  });
});

describe('memberSince', () => {
  it.each([
    ['2019', '2019'],
    ['2019-03', '2019-03'],
    ['2019-03-01', '2019-03-01'],
    ['01.03.2019', '2019-03-01'],
    ['1/3/2019', '2019-03-01'],
    ['31.02.2019', null],
    ['March 2019', null],
  ])('%s is %s', (text, date) => {
    expect(memberSince(text)).toBe(date);
  });
});

describe('mapMemberList of a CSV list with English headers', () => {
  const mapped = mapMemberList(fixture('member-list/astrico-en.csv'), context);

  it('refuses no row', async () => {
    const statement = await mapped;
    expect(statement.problems).toEqual([]);
    expect(statement.rowsRead).toBe(4);
  });

  it('states each member with its identifiers, kind, NACE codes, city and website', async () => {
    const { nodes } = await mapped;
    expect(nodes.get('organisation:vat:RO11223344')?.props).toEqual({
      name: 'Exemplu Textil SRL',
      vat: 'RO 11223344',
      registryNumber: 'J27/100/2001',
      kind: 'SME',
      country: 'RO',
      city: 'Piatra Neamt',
      website: 'www.exemplu-textil.example',
      naceCodes: ['13.92', '14.13'],
    });
    expect(nodes.get('organisation:pic:999990011')?.props).toMatchObject({
      kind: 'LARGE_COMPANY',
      country: 'RO',
      naceCodes: ['14.13'],
    });
  });

  it('states MEMBER_OF the cluster with role and since, and the region by NUTS code', async () => {
    const { relationships } = await mapped;
    expect(relationships.get('MEMBER_OF|organisation:pic:999990011|cluster:astrico-ne')?.props).toEqual({
      role: 'founding member',
      since: '2009-05-20',
    });
    expect(relationships.get('LOCATED_IN|organisation:pic:999990011|region:RO213')).toBeDefined();
    // RO212 is not in the graph: its NUTS 2 region RO21 is the most precise one it has.
    expect(relationships.get('LOCATED_IN|organisation:vat:RO11223344|region:RO21')).toBeDefined();
  });
});

describe('mapMemberList of a refused list (Romanian headers, semicolons)', () => {
  it('names every problem by file, line, column and field', async () => {
    const statement = await mapMemberList(fixture('member-list/astrico-refused.csv'), context);
    expect(statement.refusedRows).toBe(3);
    expect(
      statement.problems.map(
        (problem) => `${problem.file}:${problem.line}:${problem.column}:${problem.field}`,
      ),
    ).toEqual([
      'astrico-refused.csv:3:1:name',
      'astrico-refused.csv:4:3:naceCodes',
      'astrico-refused.csv:5:6:country',
      'astrico-refused.csv:5:7:kind',
      'astrico-refused.csv:5:9:since',
    ]);
  });

  it('without a cluster, refuses every row saying how to give one', async () => {
    const statement = await mapMemberList(fixture('member-list/astrico-en.csv'), {
      knownRegions: context.knownRegions,
    });
    expect(statement.refusedRows).toBe(4);
    expect(statement.problems[0]?.message).toMatch(/--cluster/);
  });
});

describe('mapMemberList of an XLSX workbook', () => {
  let folder: string;
  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'member-list-'));
  });
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('reads the first sheet as the CSV of the same list, dates and numbers as Excel stores them', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Membri');
    sheet.addRow([
      'Denumire',
      'CUI',
      'Cod CAEN',
      'Localitate',
      'Cod NUTS',
      'Tip',
      'Rol',
      'Data aderării',
      'PIC',
    ]);
    sheet.addRow([
      'Exemplu Textil SRL',
      'RO 11223344',
      '13.92; 14.13',
      'Piatra Neamt',
      'RO212',
      'IMM',
      'membru',
      new Date(Date.UTC(2012, 2, 1)),
      null,
    ]);
    sheet.addRow([]);
    sheet.addRow([
      'Confectii Moldova SA',
      null,
      1413,
      'Iasi',
      'RO213',
      'întreprindere mare',
      null,
      2009,
      999990011,
    ]);
    sheet.addRow(['Bad Row SRL', null, null, null, null, 'unknown kind']);
    const path = join(folder, 'membri.xlsx');
    await workbook.xlsx.writeFile(path);

    const statement = await mapMemberList(path, context);
    expect(statement.problems.map((problem) => `${problem.line}:${problem.column}:${problem.field}`)).toEqual(
      ['5:6:kind'],
    );
    expect(statement.nodes.get('organisation:vat:RO11223344')?.props).toMatchObject({
      kind: 'SME',
      naceCodes: ['13.92', '14.13'],
    });
    expect(statement.nodes.get('organisation:pic:999990011')?.props).toMatchObject({
      kind: 'LARGE_COMPANY',
      naceCodes: ['14.13'],
    });
    expect(
      statement.relationships.get('MEMBER_OF|organisation:vat:RO11223344|cluster:astrico-ne')?.props,
    ).toEqual({ role: 'membru', since: '2012-03-01' });
    expect(
      statement.relationships.get('MEMBER_OF|organisation:pic:999990011|cluster:astrico-ne')?.props,
    ).toEqual({ since: '2009' });
  });

  it('that is not a workbook is a clear error naming the file', async () => {
    await expect(
      mapMemberList(fixture('member-list/astrico-en.csv').replace('.csv', '.xlsx'), context),
    ).rejects.toThrow(/astrico-en\.xlsx: not a readable XLSX workbook/);
  });
});
