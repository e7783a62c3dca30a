import {
  type DatasetFile,
  DatasetInvalidError,
  type Driver,
  ensureSchema,
  type Graph,
  readDatasetDir,
  validateDataset,
  writeGraph,
} from '@clustergraph/ingest';

/** The curated dataset's files, one JSON file per source document (seed/data/README.md). */
export const CURATED_DATA_DIR = new URL('../data/', import.meta.url).pathname;

export function readCuratedFiles(): DatasetFile[] {
  return readDatasetDir(CURATED_DATA_DIR);
}

/** Reads and validates the curated dataset; throws DatasetInvalidError listing every problem. */
export function curatedGraph(files: readonly DatasetFile[] = readCuratedFiles()): Graph {
  const { graph, problems } = validateDataset(files);
  if (problems.length > 0) throw new DatasetInvalidError(problems);
  return graph;
}

/**
 * Loads the curated graph in one transaction: validation first, so a bad dataset writes
 * nothing, and a failed write leaves the graph as it was.
 */
export async function loadCurated(
  driver: Driver,
  options: { database?: string; files?: readonly DatasetFile[] } = {},
): Promise<{ nodes: number; relationships: number }> {
  const graph = curatedGraph(options.files);
  await ensureSchema(driver, options.database);
  return writeCurated(driver, graph, options.database);
}

/** Writes a validated curated graph in one transaction, where the schema is already applied. */
export async function writeCurated(
  driver: Driver,
  graph: Graph,
  database?: string,
): Promise<{ nodes: number; relationships: number }> {
  await writeGraph(driver, graph, { synthetic: false, mode: 'atomic', database });
  return { nodes: graph.nodes.length, relationships: graph.relationships.length };
}

/** True when the database holds no curated node yet (the first start loads it then). */
export async function hasNoCuratedData(driver: Driver, database?: string): Promise<boolean> {
  const { records } = await driver.executeQuery(
    'MATCH (n:Cluster) WHERE n.synthetic = false RETURN count(n) > 0 AS any',
    {},
    { database },
  );
  return records[0]?.get('any') !== true;
}
