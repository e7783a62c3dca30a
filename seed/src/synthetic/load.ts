import {
  DatasetInvalidError,
  type Driver,
  deleteNodes,
  ensureSchema,
  validateDataset,
  writeGraph,
} from '@clustergraph/ingest';
import type { NodeLabel } from '@clustergraph/schema';
import { curatedGraph, readCuratedFiles, writeCurated } from '../curated.ts';
import {
  generateSyntheticGraph,
  type IncompleteValueChain,
  type SyntheticGraph,
  type Tier,
} from './generate.ts';
import { buildReference } from './reference.ts';

export type SyntheticLoad = {
  tier: Tier;
  seed: number;
  /** Written, the tier's Source node included. */
  nodes: number;
  /** Written, SOURCED_FROM included. */
  relationships: number;
  /** Synthetic nodes of the previous load that were deleted first. */
  deletedNodes: number;
  incompleteValueChains: IncompleteValueChain[];
  timings: { generateMs: number; validateMs: number; deleteMs: number; writeMs: number };
};

export type SyntheticLoadOptions = {
  tier: Tier;
  seed: number;
  database?: string | undefined;
  /** Rows per write transaction. */
  batchSize?: number;
};

/** Rows per relationship or node batch: large enough that round trips do not dominate at L. */
const DEFAULT_BATCH_SIZE = 10_000;

async function timed<T>(run: () => T | Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await run();
  return [result, Math.round(performance.now() - started)];
}

/**
 * Replaces the synthetic data with a freshly generated tier. The curated graph comes first (it
 * is loaded if the database lacks any node the tier links to), the generated graph is validated
 * with the curated one before anything is deleted, then the previous synthetic data is deleted
 * and the tier written in batches, one transaction each (an L tier is too large for one).
 */
export async function loadSyntheticTier(
  driver: Driver,
  options: SyntheticLoadOptions,
): Promise<SyntheticLoad> {
  const { tier, seed, database } = options;
  const files = readCuratedFiles();
  const curated = curatedGraph(files);
  const reference = buildReference(curated);

  await ensureSchema(driver, database);
  if ((await missingCuratedNodes(driver, reference.labels, database)).length > 0) {
    await writeCurated(driver, curated, database);
  }

  const [generated, generateMs] = await timed(() => generateSyntheticGraph(reference, tier, seed));
  const [, validateMs] = await timed(() => validateGenerated(generated, files));
  const [deletedNodes, deleteMs] = await timed(() => deleteSyntheticData(driver, database));
  const [, writeMs] = await timed(() =>
    writeGraph(driver, generated.graph, {
      database,
      synthetic: true,
      mode: 'batched',
      batchSize: options.batchSize ?? DEFAULT_BATCH_SIZE,
      existingNodes: reference.labels,
    }),
  );

  const { nodes, relationships } = generated.graph;
  return {
    tier,
    seed,
    nodes: nodes.length + 1,
    relationships: relationships.length + nodes.reduce((sum, node) => sum + node.sources.length, 0),
    deletedNodes,
    incompleteValueChains: generated.incompleteValueChains,
    timings: { generateMs, validateMs, deleteMs, writeMs },
  };
}

/**
 * Checks the generated graph with the curated dataset's own validation, the curated files first
 * so that references to curated regions, sectors and programmes resolve: labels, properties,
 * relationship ends allowed by the model, no dangling id, no duplicate, provenance everywhere.
 */
export function validateGenerated(generated: SyntheticGraph, curatedFiles = readCuratedFiles()): void {
  const { problems } = validateDataset([
    ...curatedFiles,
    { file: generated.source.document, ...generated.graph },
  ]);
  if (problems.length > 0) throw new DatasetInvalidError(problems);
}

/** Ids among the curated nodes a tier may link to that the database does not hold. */
async function missingCuratedNodes(
  driver: Driver,
  labels: ReadonlyMap<string, NodeLabel>,
  database?: string,
): Promise<string[]> {
  const idsByLabel = new Map<NodeLabel, string[]>();
  for (const [id, label] of labels) idsByLabel.set(label, [...(idsByLabel.get(label) ?? []), id]);
  const missing: string[] = [];
  for (const [label, ids] of idsByLabel) {
    const { records } = await driver.executeQuery(
      `UNWIND $ids AS id WITH id WHERE NOT EXISTS { MATCH (:${label} {id: id}) } RETURN collect(id) AS missing`,
      { ids },
      { database },
    );
    missing.push(...((records[0]?.get('missing') as string[] | undefined) ?? []));
  }
  return missing;
}

/** Deletes every synthetic node with its relationships; returns how many nodes went. */
export function deleteSyntheticData(driver: Driver, database?: string): Promise<number> {
  return deleteNodes(driver, 'synthetic', database);
}
