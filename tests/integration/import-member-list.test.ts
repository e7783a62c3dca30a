import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ImportSetupError, runImport } from '@clustergraph/ingest';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonical, checksum } from '../helpers/canonical.ts';
import { useGraph } from '../helpers/graph.ts';

/**
 * A cluster's member list (ingest/fixtures/member-list, written for these tests) into a real
 * Neo4j holding the curated graph: the members matched with curated organisations, MEMBER_OF the
 * cluster, the XLSX of the same list stating the same, a refused file writing nothing, a newer
 * list removing the member it no longer lists.
 */
const graph = useGraph();
const fixture = (path: string) =>
  fileURLToPath(new URL(`../../ingest/fixtures/member-list/${path}`, import.meta.url));
const CLUSTER = 'cluster:astrico-ne';

async function digest(): Promise<string> {
  const nodes = await graph.rows(
    // The dataset's revision stamp changes with every write; the facts are what must not.
    'MATCH (n) WHERE NOT n:DatasetRevision RETURN labels(n)[0] AS label, properties(n) AS props',
  );
  const rels = await graph.rows(
    'MATCH (a)-[r]->(b) RETURN a.id AS from, type(r) AS type, b.id AS to, properties(r) AS props',
  );
  return checksum([...nodes.map(canonical), ...rels.map(canonical)]);
}

const members = () =>
  graph.rows<{ id: string; role: string | null; since: string | null; origin: string }>(
    `MATCH (o:Organisation)-[r:MEMBER_OF]->(:Cluster {id: $cluster})
     RETURN o.id AS id, r.role AS role, r.since AS since, r.origin AS origin ORDER BY id`,
    { cluster: CLUSTER },
  );

describe('a member list', () => {
  let folder: string;
  let pristine: string;
  let curatedMembers: Awaited<ReturnType<typeof members>>;

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'member-list-'));
    await graph.reset();
    await graph.loadCurated();
    pristine = await digest();
    curatedMembers = await members();
  });
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('with a bad row is refused whole, every problem by line and column, and writes nothing', async () => {
    const report = await runImport(graph.driver, {
      kind: 'member-list',
      path: fixture('astrico-refused.csv'),
      cluster: 'ASTRICO NE',
    });
    expect(report.outcome).toBe('refused');
    expect(report.problems.map((problem) => `${problem.line}:${problem.column}:${problem.field}`)).toEqual([
      '3:1:name',
      '4:3:naceCodes',
      '5:6:country',
      '5:7:kind',
      '5:9:since',
    ]);
    expect(await digest()).toBe(pristine);
  });

  it('for a cluster the graph does not have is refused before the file is read', async () => {
    await expect(
      runImport(graph.driver, {
        kind: 'member-list',
        path: fixture('astrico-en.csv'),
        cluster: 'No Such Cluster',
      }),
    ).rejects.toThrow(ImportSetupError);
    expect(await digest()).toBe(pristine);
  });

  it('as a dry run says what it would do and writes nothing', async () => {
    const report = await runImport(graph.driver, {
      kind: 'member-list',
      path: fixture('astrico-en.csv'),
      cluster: CLUSTER,
      dryRun: true,
    });
    expect(report.outcome).toBe('dry-run');
    expect(report.nodes.created).toBe(3);
    expect(report.nodes.matched).toBe(1);
    expect(report.relationships.created).toBeGreaterThanOrEqual(4);
    expect(await digest()).toBe(pristine);
  });

  it('makes its members MEMBER_OF the cluster; a curated organisation matched by name and country stays as curated', async () => {
    const ministryBefore = await graph.rows(
      "MATCH (o:Organisation {id: 'org:ministry-of-education-and-research'}) RETURN properties(o) AS props",
    );
    const report = await runImport(graph.driver, {
      kind: 'member-list',
      path: fixture('astrico-en.csv'),
      cluster: 'Astrico North-East',
    });
    expect(report.problems).toEqual([]);
    expect(report.outcome).toBe('written');
    expect(report.stream).toBe(`member-list:${CLUSTER}`);
    const now = await members();
    const ids = now.map((member) => member.id);
    expect(ids).toHaveLength(curatedMembers.length + 4);
    for (const id of [
      ...curatedMembers.map((member) => member.id),
      'org:ministry-of-education-and-research',
      'organisation:pic:999990011',
      'organisation:vat:RO11223344',
    ])
      expect(ids).toContain(id);
    expect(ids.filter((id) => id.startsWith('organisation:name:ro:'))).toHaveLength(1);
    expect(now.find((member) => member.id === 'organisation:pic:999990011')).toMatchObject({
      role: 'founding member',
      since: '2009-05-20',
      origin: 'IMPORTED',
    });
    expect(
      await graph.rows(
        "MATCH (o:Organisation {id: 'org:ministry-of-education-and-research'}) RETURN properties(o) AS props",
      ),
    ).toEqual(ministryBefore);
    const [textile] = await graph.rows<{ props: Record<string, unknown>; region: string }>(
      "MATCH (o:Organisation {id: 'organisation:vat:RO11223344'})-[:LOCATED_IN]->(r:Region) RETURN properties(o) AS props, r.code AS region",
    );
    expect(textile?.props).toMatchObject({
      name: 'Exemplu Textil SRL',
      kind: 'SME',
      registryNumber: 'J27/100/2001',
      city: 'Piatra Neamt',
      naceCodes: ['13.92', '14.13'],
      origin: 'IMPORTED',
    });
  });

  it('as an XLSX workbook with Romanian headers states the same: nothing changes', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Membri');
    sheet.addRow([
      'Denumire',
      'PIC',
      'CUI',
      'Nr. Reg. Com.',
      'Cod CAEN',
      'Localitate',
      'Cod NUTS',
      'Țara',
      'Tip',
      'Site web',
      'Rol',
      'Data aderării',
    ]);
    sheet.addRow([
      'Ministry of Education and Research',
      null,
      null,
      null,
      null,
      'Bucharest',
      null,
      'RO',
      'autoritate publică',
      null,
      'supporting member',
      2015,
    ]);
    sheet.addRow([
      'Exemplu Textil SRL',
      null,
      'RO 11223344',
      'J27/100/2001',
      '13.92; 14.13',
      'Piatra Neamt',
      'RO212',
      'RO',
      'IMM',
      'www.exemplu-textil.example',
      'member',
      '01.03.2012',
    ]);
    sheet.addRow([
      'Confectii Moldova SA',
      999990011,
      null,
      null,
      1413,
      'Iasi',
      'RO213',
      null,
      'întreprindere mare',
      'https://confectii-moldova.example',
      'founding member',
      new Date(Date.UTC(2009, 4, 20)),
    ]);
    sheet.addRow([
      'Universitatea Tehnica Gheorghe Asachi din Iasi',
      null,
      null,
      null,
      null,
      'Iasi',
      'RO213',
      'RO',
      'universitate',
      null,
      'member',
      '2010',
    ]);
    const path = join(folder, 'astrico.xlsx');
    await workbook.xlsx.writeFile(path);
    const before = await digest();
    const report = await runImport(graph.driver, { kind: 'member-list', path, cluster: CLUSTER });
    expect(report.problems).toEqual([]);
    expect(report.outcome).toBe('unchanged');
    expect(await digest()).toBe(before);
  });

  it('in a newer version updates the role it changed and removes the member it no longer lists', async () => {
    const report = await runImport(graph.driver, {
      kind: 'member-list',
      path: fixture('astrico-v2.csv'),
      cluster: CLUSTER,
    });
    expect(report.outcome).toBe('written');
    const now = await members();
    expect(now.some((member) => member.id.startsWith('organisation:name:ro:'))).toBe(false);
    expect(now.find((member) => member.id === 'organisation:vat:RO11223344')?.role).toBe('board member');
    expect(
      await graph.count(
        "MATCH (o:Organisation) WHERE o.id STARTS WITH 'organisation:name:ro:' RETURN count(o)",
      ),
    ).toBe(0);
    for (const curated of curatedMembers) expect(now.map((member) => member.id)).toContain(curated.id);
  });
});
