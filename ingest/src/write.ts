import {
  type NodeLabel,
  type RelationshipType,
  type SourceKind,
  schemaStatements,
  searchProperties,
} from '@clustergraph/schema';
import type { Driver, ManagedTransaction } from 'neo4j-driver';
import { sourceId } from './dataset.ts';
import { stampRevision } from './revision.ts';
import { SECTOR_SEARCH_LABELS, sectorSearchCypher } from './sector-search.ts';
import type { Graph, GraphNode } from './validate.ts';

export type WriteOptions = {
  database?: string | undefined;
  /** Marks every written node and relationship as generated (true, origin SYNTHETIC) or curated (false, CURATED). */
  synthetic: boolean;
  /** Rows per statement. */
  batchSize?: number;
  /**
   * 'atomic': everything in one transaction, so a failure leaves the graph as it was (curated
   * data, imports). 'batched': one transaction per batch, for generated graphs too large for one.
   */
  mode?: 'atomic' | 'batched';
  /**
   * Labels of nodes already in the database that relationships end at but the graph does not hold
   * (the curated regions and sectors a synthetic graph links to): matched, never written.
   */
  existingNodes?: ReadonlyMap<string, NodeLabel>;
};

type Statement = { cypher: string; rows: Record<string, unknown>[] };

function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks;
}

function groupBy<T, K extends string>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

/**
 * The statements that write a graph. Each MERGEs on ids, and SET replaces all properties, so
 * writing the same graph twice changes nothing. Labels and types come from the validated model.
 */
export function graphStatements(
  graph: Graph,
  existingNodes: ReadonlyMap<string, NodeLabel> = new Map(),
  synthetic = false,
): Statement[] {
  const statements: Statement[] = [];
  const sources = new Map<
    string,
    { id: string; document: string; section: string; kind: SourceKind; reason: string | null }
  >();
  for (const item of [...graph.nodes, ...graph.relationships]) {
    for (const source of item.sources) {
      const id = sourceId(source);
      const { document, section, kind = synthetic ? 'SYNTHETIC' : 'DOCUMENT', reason = null } = source;
      sources.set(id, { id, document, section, kind, reason });
    }
  }
  if (sources.size > 0) {
    statements.push({
      cypher:
        'UNWIND $rows AS row MERGE (s:Source {id: row.id}) SET s.document = row.document, s.section = row.section, s.kind = row.kind, s.reason = row.reason, s.synthetic = $synthetic, s.origin = $origin',
      rows: [...sources.values()],
    });
  }

  const labelOf = new Map<string, NodeLabel>(existingNodes);
  for (const node of graph.nodes) labelOf.set(node.id, node.label);
  const endLabel = (id: string): NodeLabel => {
    const label = labelOf.get(id);
    if (!label)
      throw new Error(`a relationship ends at ${id}, which is neither in the graph nor an existing node`);
    return label;
  };
  for (const [label, nodes] of groupBy(graph.nodes, (node: GraphNode) => node.label)) {
    statements.push({
      // SET n = replaces every property: the edit version is carried over (mutations check it).
      cypher: `UNWIND $rows AS row MERGE (n:${label} {id: row.id}) WITH n, row, n.version AS version SET n = row.props, n.id = row.id, n.synthetic = $synthetic, n.origin = $origin, n.version = version`,
      rows: nodes.map((node) => ({
        id: node.id,
        props: { ...node.props, ...searchProperties(label, node.props) },
      })),
    });
    const links = nodes.flatMap((node) =>
      node.sources.map((source) => ({ id: node.id, source: sourceId(source) })),
    );
    if (links.length > 0) {
      statements.push({
        cypher: `UNWIND $rows AS row MATCH (n:${label} {id: row.id}) MATCH (s:Source {id: row.source}) MERGE (n)-[:SOURCED_FROM]->(s)`,
        rows: links,
      });
    }
  }

  const byEnds = groupBy(
    graph.relationships,
    (rel) => `${rel.type}|${endLabel(rel.from)}|${endLabel(rel.to)}` as string,
  );
  for (const [key, relationships] of byEnds) {
    const [type, from, to] = key.split('|') as [RelationshipType, NodeLabel, NodeLabel];
    statements.push({
      cypher: `UNWIND $rows AS row MATCH (a:${from} {id: row.from}) MATCH (b:${to} {id: row.to}) MERGE (a)-[r:${type}]->(b) WITH r, row, r.version AS version SET r = row.props, r.sources = row.sources, r.origin = $origin, r.version = version`,
      rows: relationships.map((rel) => ({
        from: rel.from,
        to: rel.to,
        props: rel.props,
        sources: rel.sources.map(sourceId),
      })),
    });
  }
  statements.push(...sectorSearchStatements(graph, endLabel));
  return statements;
}

/** `searchSectors` of every node written or newly linked to a sector (sectorSearchCypher). */
function sectorSearchStatements(graph: Graph, endLabel: (id: string) => NodeLabel): Statement[] {
  const ids = new Map<NodeLabel, Set<string>>();
  const add = (id: string) => {
    const label = endLabel(id);
    if (!SECTOR_SEARCH_LABELS.includes(label)) return;
    const set = ids.get(label) ?? new Set<string>();
    set.add(id);
    ids.set(label, set);
  };
  for (const node of graph.nodes) add(node.id);
  for (const rel of graph.relationships) if (rel.type === 'ACTIVE_IN') add(rel.from);
  return [...ids].map(([label, set]) => ({
    cypher: sectorSearchCypher(label),
    rows: [...set].map((id) => ({ id })),
  }));
}

/** Applies the model's constraints and indexes (idempotent), so MERGE on ids is indexed. */
export async function ensureSchema(driver: Driver, database?: string): Promise<void> {
  const session = driver.session({ database });
  try {
    for (const statement of schemaStatements()) await session.run(statement);
    await session.run('CALL db.awaitIndexes(300)');
  } finally {
    await session.close();
  }
}

/** Writes a validated graph through the one write path. */
export async function writeGraph(driver: Driver, graph: Graph, options: WriteOptions): Promise<void> {
  const batchSize = options.batchSize ?? 5_000;
  const statements = graphStatements(graph, options.existingNodes, options.synthetic);
  const session = driver.session({ database: options.database });
  const run = async (tx: ManagedTransaction, statement: Statement, rows: Record<string, unknown>[]) => {
    await tx.run(statement.cypher, {
      rows,
      synthetic: options.synthetic,
      origin: options.synthetic ? 'SYNTHETIC' : 'CURATED',
    });
  };
  try {
    if ((options.mode ?? 'atomic') === 'atomic') {
      await session.executeWrite(async (tx) => {
        for (const statement of statements) {
          for (const rows of chunk(statement.rows, batchSize)) await run(tx, statement, rows);
        }
        await stampRevision(tx);
      });
      return;
    }
    for (const statement of statements) {
      for (const rows of chunk(statement.rows, batchSize)) {
        await session.executeWrite((tx) => run(tx, statement, rows));
      }
    }
    await session.executeWrite((tx) => stampRevision(tx));
  } finally {
    await session.close();
  }
}

/**
 * Deletes nodes with their relationships in transactions of ten thousand rows (CALL { } IN
 * TRANSACTIONS runs only in an auto-commit transaction, hence session.run). Relationships go
 * first: a batch of nodes holding one with many relationships (a synthetic tier's Source has one
 * SOURCED_FROM per generated node) would otherwise carry hundreds of thousands of deletions in
 * one transaction, beyond what a 1 GB heap allows. Returns the number of nodes deleted.
 */
export async function deleteNodes(
  driver: Driver,
  scope: 'synthetic' | 'everything',
  database?: string,
): Promise<number> {
  const where = scope === 'synthetic' ? 'WHERE n.synthetic = true' : '';
  const session = driver.session({ database });
  try {
    await session.run(`MATCH (n)-[r]->() ${where} CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS`);
    const result = await session.run(
      `MATCH (n) ${where} CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS`,
    );
    return result.summary.counters.updates().nodesDeleted;
  } finally {
    await session.close();
  }
}
