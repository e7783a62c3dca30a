import { fileURLToPath } from 'node:url';
import { type ImportReport, runImport, streamSourceId, undoImport } from '@clustergraph/ingest';
import { beforeAll, describe, expect, it } from 'vitest';
import { canonical, checksum } from '../helpers/canonical.ts';
import { useGraph } from '../helpers/graph.ts';

/**
 * Imports against a real Neo4j holding the curated graph, on the small fixtures of
 * ingest/fixtures (written for these tests): all-or-nothing, dry runs, idempotency, a merge
 * with a curated organisation, a newer version of a file, undo, and the imported data in the API.
 */
const graph = useGraph();
const fixture = (path: string) => fileURLToPath(new URL(`../../ingest/fixtures/${path}`, import.meta.url));

/**
 * Every node and relationship with its properties; `except` leaves out the import bookkeeping
 * (Import records, the streams' Sources and the audit log's Changes of each run and undo).
 */
async function digest(except: 'nothing' | 'import records' = 'nothing'): Promise<string> {
  const skip = except === 'import records';
  const nodes = await graph.rows<{ label: string; props: unknown }>(
    `MATCH (n) WHERE NOT ($skip AND (n:Import OR n:Change OR n:ChangeEntry OR n.id STARTS WITH 'source:import:')) AND NOT n:DatasetRevision
     RETURN labels(n)[0] AS label, properties(n) AS props`,
    { skip },
  );
  const rels = await graph.rows<{ from: string; type: string; to: string; props: unknown }>(
    `MATCH (a)-[r]->(b) WHERE NOT ($skip AND (a:Import OR a:Change OR b.id STARTS WITH 'source:import:'))
     RETURN a.id AS from, type(r) AS type, b.id AS to, properties(r) AS props`,
    { skip },
  );
  return checksum([...nodes.map(canonical), ...rels.map(canonical)]);
}

/** The curated facts: nodes a document states and relationships it states, as they are. */
async function curatedDigest(): Promise<string> {
  const nodes = await graph.rows(
    "MATCH (n) WHERE n.origin = 'CURATED' RETURN labels(n)[0] AS label, properties(n) AS props",
  );
  const rels = await graph.rows(
    "MATCH (a)-[r]->(b) WHERE r.origin = 'CURATED' OR (type(r) = 'SOURCED_FROM' AND NOT b.id STARTS WITH 'source:import:') RETURN a.id AS from, type(r) AS type, b.id AS to, properties(r) AS props",
  );
  return checksum([...nodes.map(canonical), ...rels.map(canonical)]);
}

function expectWritten(report: ImportReport): asserts report is ImportReport & { importId: string } {
  expect(report.problems).toEqual([]);
  expect(report.outcome).toBe('written');
}

describe('an import', () => {
  let curated: string;
  let pristine: string;

  beforeAll(async () => {
    await graph.reset();
    await graph.loadCurated();
    curated = await curatedDigest();
    pristine = await digest();
  });

  it('of a file with any bad row is refused whole: every problem by line and column, nothing written', async () => {
    const report = await runImport(graph.driver, {
      kind: 'cordis-h2020',
      path: fixture('h2020/refused.csv'),
    });
    expect(report.outcome).toBe('refused');
    expect(report.rowsRefused).toBe(3);
    expect(report.problems.map((problem) => `${problem.line}:${problem.column}`)).toEqual([
      '3:3',
      '4:4',
      '4:2',
      '4:5',
      '5:6',
      '5:7',
    ]);
    expect(await digest()).toBe(pristine);
  });

  it('with --partial writes the good rows only, and says so', async () => {
    const report = await runImport(graph.driver, {
      kind: 'cordis-h2020',
      path: fixture('h2020/refused.csv'),
      partial: true,
      stream: 'partial-test',
    });
    expect(report.outcome).toBe('written');
    expect(report.problems).toHaveLength(6);
    expect(report.partial).toBe(true);
    if (!report.importId) throw new Error('no import id');
    expect(await graph.count("MATCH (n:Organisation {pic: '999000002'}) RETURN count(n)")).toBe(1);
    await undoImport(graph.driver, report.importId);
    expect(await digest('import records')).toBe(pristine);
  });

  it('as a dry run reports what it would do and writes nothing', async () => {
    const before = await digest();
    const report = await runImport(graph.driver, {
      kind: 'cordis',
      path: fixture('cordis-comma'),
      dryRun: true,
    });
    expect(report.outcome).toBe('dry-run');
    expect(report.nodes.created).toBeGreaterThan(0);
    expect(report.nodes.matched).toBe(1);
    expect(await digest()).toBe(before);
  });

  describe('of a CORDIS export touching a curated organisation', () => {
    let first: ImportReport & { importId: string };
    let afterFirst: string;

    beforeAll(async () => {
      const report = await runImport(graph.driver, { kind: 'cordis', path: fixture('cordis-comma') });
      expectWritten(report);
      first = report;
      afterFirst = await digest();
    });

    it('leaves every curated fact as it was', async () => {
      expect(await curatedDigest()).toBe(curated);
    });

    it('is one node with the curated organisation, its statement kept as a claim beside the curated facts', async () => {
      const [arott] = await graph.rows<{ name: string; origin: string; stated: string; importId: string }>(
        `MATCH (o:Organisation {id: 'org:arott'})-[c:SOURCED_FROM]->(:Source {id: $source})
         RETURN o.name AS name, o.origin AS origin, c.stated AS stated, c.importId AS importId`,
        { source: streamSourceId('cordis:cordis-comma') },
      );
      expect(arott).toMatchObject({
        name: 'Romanian Association for Technology Transfer and Innovation',
        origin: 'CURATED',
        importId: first.importId,
      });
      expect(JSON.parse(arott?.stated ?? '{}')).toMatchObject({ pic: '999000001', kind: 'OTHER' });
      expect(await graph.count("MATCH (o:Organisation {pic: '999000001'}) RETURN count(o)")).toBe(0);
      expect(first.conflicts).toContainEqual({
        id: 'org:arott',
        property: 'kind',
        curated: 'NGO',
        stated: 'OTHER',
      });
    });

    it('lists an uncertain match for a person instead of merging it', async () => {
      expect(first.uncertain).toContainEqual(
        expect.objectContaining({ stated: 'organisation:pic:999000005', existing: 'org:napochim' }),
      );
      expect(await graph.count("MATCH (o:Organisation {pic: '999000005'}) RETURN count(o)")).toBe(1);
    });

    it('records the import, and every node it stated links to it', async () => {
      const [row] = await graph.rows<{ record: Record<string, unknown> }>(
        'MATCH (i:Import {id: $id})-[:RECORDS]->(s:Source) RETURN i {.*, source: s.id} AS record',
        { id: first.importId },
      );
      expect(row?.record).toMatchObject({
        stream: 'cordis:cordis-comma',
        importer: 'cordis',
        file: 'project.csv, organization.csv',
        checksum: first.checksum,
        state: 'DONE',
        rows: 10,
        refused: 0,
      });
      expect(
        await graph.count('MATCH (n)-[c:SOURCED_FROM {importId: $id}]->() RETURN count(DISTINCT n)', {
          id: first.importId,
        }),
      ).toBe(first.nodes.created + first.nodes.matched);
    });

    it('again changes nothing', async () => {
      const again = await runImport(graph.driver, { kind: 'cordis', path: fixture('cordis-comma') });
      expect(again.outcome).toBe('unchanged');
      expect(again.nodes).toMatchObject({ created: 0, updated: 0, removed: 0 });
      expect(await digest()).toBe(afterFirst);
    });

    it('in the semicolon layout, under the same stream, changes nothing either', async () => {
      const again = await runImport(graph.driver, {
        kind: 'cordis',
        path: fixture('cordis-semicolon'),
        stream: 'cordis:cordis-comma',
      });
      expect(again.relationships).toMatchObject({ created: 0, removed: 0 });
      expect(again.nodes).toMatchObject({ created: 0, removed: 0 });
    });

    it('then the H2020 file names the same organisation by PIC and the same project by record number: one node each', async () => {
      const report = await runImport(graph.driver, {
        kind: 'cordis-h2020',
        path: fixture('h2020/participations.csv'),
        stream: 'h2020-test',
      });
      expectWritten(report);
      const [utcn] = await graph.rows<{ name: string; claims: number; projects: string[] }>(
        `MATCH (o:Organisation {pic: '999000002'})
         RETURN o.name AS name, COUNT { (o)-[:SOURCED_FROM]->() } AS claims,
           [(o)-[:PARTICIPATES_IN]->(p) | p.id] AS projects`,
      );
      expect(utcn?.name).toBe('UNIVERSITATEA TEHNICA DIN CLUJ-NAPOCA');
      expect(utcn?.claims).toBe(2);
      expect(utcn?.projects.sort()).toEqual(['project:cordis:101000001', 'project:cordis:900001']);
      expect(await graph.count("MATCH (p:Project) WHERE p.rcn = '210001' RETURN count(p)")).toBe(1);
      const [known] = await graph.rows(
        "MATCH (o:Organisation {pic: '999100003'}) RETURN o.name AS name, o.kind AS kind",
      );
      expect(known).toEqual({ name: 'PIC 999100003', kind: 'PUBLIC_AUTHORITY' });
    });

    it('a newer version of a file updates what it stated and removes what it no longer says', async () => {
      const report = await runImport(graph.driver, {
        kind: 'cordis-h2020',
        path: fixture('h2020/participations-v2.csv'),
        stream: 'h2020-test',
      });
      expectWritten(report);
      expect(report.relationships.removed).toBeGreaterThan(0);
      expect(
        await graph.count(
          "MATCH (:Organisation {pic: '999100001'})-[r:PARTICIPATES_IN]->(:Project {rcn: '210001'}) RETURN r.contribution",
        ),
      ).toBe(350_000);
      expect(
        await graph.count("MATCH (o:Organisation) WHERE o.pic IN ['999100002', '999100004'] RETURN count(o)"),
      ).toBe(0);
      expect(await graph.count("MATCH (r:Region {id: 'region:UK'}) RETURN count(r)")).toBe(0);
      expect(await graph.count("MATCH (o:Organisation {pic: '999100005'}) RETURN count(o)")).toBe(1);
      expect(await curatedDigest()).toBe(curated);
    });

    it('is listed by the API, filtered by origin', async () => {
      const { data, errors } = await graph.graphql<{
        imported: { totalCount: number };
        curated: { totalCount: number };
        all: { totalCount: number };
        found: { totalCount: number };
      }>(`{
        imported: organisations(filter: { origins: [IMPORTED] }) { totalCount }
        curated: organisations(filter: { origins: [CURATED] }) { totalCount }
        all: organisations { totalCount }
        found: organisations(filter: { search: "fraunhofer", origins: [IMPORTED] }) { totalCount }
      }`);
      expect(errors).toBeUndefined();
      expect(data?.imported.totalCount).toBeGreaterThan(0);
      expect((data?.imported.totalCount ?? 0) + (data?.curated.totalCount ?? 0)).toBe(data?.all.totalCount);
      expect(data?.found.totalCount).toBe(1);
    });
  });
});

describe('undo', () => {
  it('removes what the import alone stated: the graph is as it was before it', async () => {
    await graph.reset();
    await graph.loadCurated();
    const before = await digest();
    const report = await runImport(graph.driver, { kind: 'cordis', path: fixture('cordis-semicolon') });
    expectWritten(report);
    expect(await digest()).not.toBe(before);
    const undone = await undoImport(graph.driver, report.importId);
    expect(undone.outcome).toBe('undone');
    expect(await digest('import records')).toBe(before);
    expect(
      await graph.count("MATCH (i:Import {id: $id}) WHERE i.state = 'UNDONE' RETURN count(i)", {
        id: report.importId,
      }),
    ).toBe(1);
    await expect(undoImport(graph.driver, report.importId)).rejects.toThrow(/already undone/);
  });
});
