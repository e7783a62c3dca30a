import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ImportStatement } from '../imports/statement.ts';
import { mapCordisExport } from './cordis.ts';
import { mapH2020Participations } from './h2020.ts';

const fixture = (path: string) => fileURLToPath(new URL(`../../fixtures/${path}`, import.meta.url));

/** Regions the graph is taken to hold: Romania down to Cluj (NUTS 3), and Germany. */
const context = {
  knownRegions: new Set(['region:RO', 'region:RO1', 'region:RO11', 'region:RO113', 'region:DE']),
};

function located(statement: ImportStatement, id: string): string | undefined {
  return [...statement.relationships.values()].find((rel) => rel.type === 'LOCATED_IN' && rel.from === id)
    ?.to;
}

function roleOf(statement: ImportStatement, organisation: string, project: string): unknown {
  return statement.relationships.get(`PARTICIPATES_IN|${organisation}|${project}`)?.props.role;
}

describe.each([
  ['comma-separated export', 'cordis-comma'],
  [
    'semicolon-separated file as CORDIS publishes it (BOM, active column, decimal commas, multi-line field)',
    'cordis-semicolon',
  ],
])('mapCordisExport reads a %s', (_what, folder) => {
  const mapped = mapCordisExport(fixture(folder), context);

  it('refuses no row', async () => {
    const statement = await mapped;
    expect(statement.problems).toEqual([]);
    expect(statement.rowsRead).toBe(10);
  });

  it.each([
    // pic, kind, country, region: the most precise the graph has, else the country it states
    ['999000001', 'OTHER', 'RO', 'region:RO'],
    ['999000002', 'UNIVERSITY', 'RO', 'region:RO113'],
    ['999000003', 'RESEARCH_INSTITUTE', 'DE', 'region:DE'],
    ['999000004', 'SME', 'RO', 'region:RO'],
    ['999000005', 'LARGE_COMPANY', 'RO', 'region:RO113'],
    ['999000006', 'PUBLIC_AUTHORITY', 'HU', 'region:HU'],
  ])('organisation %s as a %s in %s, located in %s', async (pic, kind, country, region) => {
    const statement = await mapped;
    const node = statement.nodes.get(`organisation:pic:${pic}`);
    expect(node?.props).toMatchObject({ pic, kind, country });
    expect(located(statement, `organisation:pic:${pic}`)).toBe(region);
  });

  it.each([
    ['999000001', '101000001', 'COORDINATOR'],
    ['999000002', '101000001', 'PARTNER'],
    ['999000005', '101000002', 'THIRD_PARTY'],
    ['999000002', '900001', 'COORDINATOR'],
    ['999000006', '900001', 'ASSOCIATED_PARTNER'],
  ])('organisation %s in project %s as %s', async (pic, project, role) => {
    expect(roleOf(await mapped, `organisation:pic:${pic}`, `project:cordis:${project}`)).toBe(role);
  });

  it.each([
    ['101000001', 'programme:horizon-europe', 1_000_000],
    ['101000002', 'programme:horizon-europe', 250_000.5],
    ['900001', 'programme:h2020', 750_000],
  ])('project %s funded by %s with a budget of %d', async (project, programme, budget) => {
    const statement = await mapped;
    expect(statement.nodes.get(`project:cordis:${project}`)?.props).toMatchObject({
      code: project,
      budgetAmount: budget,
      budgetCurrency: 'EUR',
    });
    expect(statement.relationships.has(`FUNDED_BY|project:cordis:${project}|${programme}`)).toBe(true);
  });

  it('keeps a quoted field over two lines whole, and a contribution with decimals', async () => {
    const statement = await mapped;
    expect(statement.nodes.get('project:cordis:101000002')?.props.objectives).toEqual([
      'First line of the objective.\nSecond line, after a line break.',
    ]);
    expect(
      statement.relationships.get('PARTICIPATES_IN|organisation:pic:999000002|project:cordis:101000001')
        ?.props.contribution,
    ).toBe(300_000.5);
  });

  it('states the country regions the graph lacks, with their English names', async () => {
    expect((await mapped).nodes.get('region:HU')?.props).toEqual({ code: 'HU', name: 'Hungary', level: 0 });
  });
});

describe('the two CORDIS layouts', () => {
  it('state exactly the same', async () => {
    const [comma, semicolon] = await Promise.all([
      mapCordisExport(fixture('cordis-comma'), context),
      mapCordisExport(fixture('cordis-semicolon'), context),
    ]);
    expect([...semicolon.nodes.values()].map(({ rows: _rows, ...node }) => node)).toEqual(
      [...comma.nodes.values()].map(({ rows: _rows, ...node }) => node),
    );
    expect([...semicolon.relationships.keys()]).toEqual([...comma.relationships.keys()]);
  });
});

describe('mapH2020Participations', () => {
  it.each([
    ['999000002', 'UNIVERSITY', 'RO', 'region:RO'],
    ['999100001', 'COMPANY', 'GR', 'region:EL'],
    ['999100002', 'RESEARCH_INSTITUTE', 'GB', 'region:UK'],
    ['999100003', 'PUBLIC_AUTHORITY', 'NA', 'region:NA'],
    ['999100004', 'OTHER', 'RO', 'region:RO'],
  ])('organisation %s: %s in %s, located in %s, known by PIC only', async (pic, kind, country, region) => {
    const statement = await mapH2020Participations(fixture('h2020/participations.csv'), context);
    const id = `organisation:pic:${pic}`;
    expect(statement.nodes.get(id)?.props).toEqual({
      pic,
      activityType: expect.any(String),
      kind,
      country,
    });
    expect(located(statement, id)).toBe(region);
  });

  it('reads NA as absent in numbers and dates, not in a country (NA is Namibia)', async () => {
    const statement = await mapH2020Participations(fixture('h2020/participations.csv'), context);
    expect(statement.problems).toEqual([]);
    expect(statement.nodes.get('project:cordis-rcn:220002')?.props).toEqual({
      rcn: '220002',
      startDate: '2019-01-01',
      budgetAmount: 520_000,
      budgetCurrency: 'EUR',
    });
    expect(statement.nodes.get('region:NA')?.props).toEqual({ code: 'NA', name: 'Namibia', level: 0 });
    expect(roleOf(statement, 'organisation:pic:999100002', 'project:cordis-rcn:210001')).toBe(
      'ASSOCIATED_PARTNER',
    );
  });

  it('refuses bad rows naming file, line, column and field', async () => {
    const statement = await mapH2020Participations(fixture('h2020/refused.csv'), context);
    expect(statement.refusedRows).toBe(3);
    expect(
      statement.problems.map(
        (problem) => `${problem.file}:${problem.line}:${problem.column} ${problem.field}`,
      ),
    ).toEqual([
      'refused.csv:3:3 pic',
      'refused.csv:4:4 type',
      'refused.csv:4:2 role',
      'refused.csv:4:5 contribution',
      'refused.csv:5:6 country',
      'refused.csv:5:7 start_date',
    ]);
  });
});
