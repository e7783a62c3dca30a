import type { Driver } from 'neo4j-driver';
import { type DatasetFile, readDatasetDir } from './dataset.ts';
import { DatasetInvalidError, type Graph, validateDataset } from './validate.ts';
import { ensureSchema, writeGraph } from './write.ts';

/** Reads and validates the curated dataset; throws DatasetInvalidError listing every problem. */
export function curatedGraph(files: readonly DatasetFile[] = readDatasetDir()): Graph {
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
