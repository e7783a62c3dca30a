import { fileURLToPath } from 'node:url';
import { type ImportReport, runImport, streamSourceId } from '@clustergraph/ingest';
import { beforeAll, describe, expect, it } from 'vitest';
import { useGraph } from '../helpers/graph.ts';

/**
 * The real Horizon 2020 participation file (../shared/datasets, as CORDIS published it) into a
 * real Neo4j holding the curated graph: its counts as the file has them (144,726 participations
 * of 35,871 organisations in 31,451 projects, counted from the file with Python's csv module),
 * queryable through the API, and a re-import that changes nothing.
 */
const graph = useGraph();
const H2020 = fileURLToPath(new URL('../../../shared/datasets/h2020-participations.csv.gz', import.meta.url));
const SOURCE = streamSourceId('cordis-h2020:h2020-participations.csv.gz');
const MINUTES = 60_000;

describe('the real Horizon 2020 participation file', () => {
  let report: ImportReport;

  beforeAll(async () => {
    await graph.reset();
    await graph.loadCurated();
    report = await runImport(graph.driver, { kind: 'cordis-h2020', path: H2020 });
  }, 15 * MINUTES);

  it('is imported whole: every row read, none refused', () => {
    expect(report.problems).toEqual([]);
    expect(report.outcome).toBe('written');
    expect(report.rowsRead).toBe(144_726);
    expect(report.rowsRefused).toBe(0);
  });

  it('states 35,871 organisations, 31,451 projects and 144,726 participations', async () => {
    const stated = (label: string) =>
      graph.count(`MATCH (n:${label})-[:SOURCED_FROM]->(:Source {id: $source}) RETURN count(DISTINCT n)`, {
        source: SOURCE,
      });
    expect(await stated('Organisation')).toBe(35_871);
    expect(await stated('Project')).toBe(31_451);
    expect(
      await graph.count(
        'MATCH (:Organisation)-[r:PARTICIPATES_IN]->(:Project) WHERE $source IN r.sources RETURN count(r)',
        { source: SOURCE },
      ),
    ).toBe(144_726);
    expect(
      await graph.count(
        "MATCH (:Project)-[r:FUNDED_BY]->(:Programme {id: 'programme:h2020'}) WHERE $source IN r.sources RETURN count(r)",
        { source: SOURCE },
      ),
    ).toBe(31_451);
    expect(
      await graph.count(
        "MATCH (:Organisation)-[r:PARTICIPATES_IN {role: 'COORDINATOR'}]->(:Project) WHERE $source IN r.sources RETURN count(r)",
        { source: SOURCE },
      ),
    ).toBe(31_476);
  });

  it('is queryable through the API like any other data: by kind, region and origin', async () => {
    const { data, errors } = await graph.graphql<{
      imported: { totalCount: number };
      romanianUniversities: { totalCount: number };
      projects: { totalCount: number };
    }>(`{
      imported: organisations(filter: { origins: [IMPORTED] }) { totalCount }
      romanianUniversities: organisations(filter: { origins: [IMPORTED], kinds: [UNIVERSITY], regionCodes: ["RO"] }) { totalCount }
      projects: projects(filter: { origins: [IMPORTED] }) { totalCount }
    }`);
    expect(errors).toBeUndefined();
    const importedOnly = await graph.count(
      "MATCH (n:Organisation)-[:SOURCED_FROM]->(:Source {id: $source}) WHERE n.origin = 'IMPORTED' RETURN count(n)",
      { source: SOURCE },
    );
    expect(data?.imported.totalCount).toBe(importedOnly);
    // 38 Romanian higher-education PICs in the file, none of them a curated organisation.
    expect(data?.romanianUniversities.totalCount).toBe(38);
    expect(data?.projects.totalCount).toBe(
      await graph.count("MATCH (p:Project) WHERE p.origin = 'IMPORTED' RETURN count(p)"),
    );
  });

  it(
    'imported again changes nothing and writes nothing',
    async () => {
      const again = await runImport(graph.driver, { kind: 'cordis-h2020', path: H2020 });
      expect(again.outcome).toBe('unchanged');
      expect(again.nodes.created + again.nodes.updated + again.nodes.removed).toBe(0);
      expect(again.relationships.created + again.relationships.updated + again.relationships.removed).toBe(0);
      expect(await graph.count('MATCH (i:Import) RETURN count(i)')).toBe(1);
    },
    10 * MINUTES,
  );
});
