import { nodeModel, type RelationshipType, relationshipModel } from '@clustergraph/schema';
import type { Driver } from 'neo4j-driver';
import {
  INTERCHANGE_FORMAT,
  INTERCHANGE_LABELS,
  INTERCHANGE_TYPES,
  INTERCHANGE_VERSION,
  type InterchangeDocument,
  type InterchangeLabel,
  type InterchangeNode,
  type InterchangeRelationship,
  nodePropertyNames,
  relationshipPropertyNames,
} from './schema.ts';

export class ExportNotFoundError extends Error {}

type NodeRow = { label: InterchangeLabel; id: string; props: Record<string, unknown> };
type RelRow = {
  type: InterchangeRelationship['type'];
  from: string;
  to: string;
  props: Record<string, unknown>;
};

/** The model's properties in the model's order; a list the graph leaves out is written empty (as it reads). */
function cleanProps(
  props: Record<string, unknown>,
  names: readonly string[],
  shape: Readonly<Record<string, string>>,
): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  for (const name of names) {
    if (props[name] !== null && props[name] !== undefined) kept[name] = props[name];
    else if (shape[name]?.endsWith('[]')) kept[name] = [];
  }
  return kept;
}

/**
 * The graph, or one cluster's subgraph, in the interchange format: the non-synthetic nodes of the
 * format's labels and the relationships of its types between them, sorted (so an unchanged graph
 * exports the same bytes). A cluster's subgraph: the cluster, its members, their regions and
 * projects, the projects' programmes, the cluster's region. Two statements, one per kind of record.
 */
export async function exportInterchange(
  driver: Driver,
  options: { clusterId?: string | undefined; database?: string | undefined } = {},
): Promise<InterchangeDocument> {
  const { clusterId, database } = options;
  if (clusterId !== undefined) {
    const { records } = await driver.executeQuery(
      'MATCH (c:Cluster {id: $id}) RETURN count(c) AS found',
      { id: clusterId },
      { database },
    );
    if (Number(records[0]?.get('found') ?? 0) === 0)
      throw new ExportNotFoundError(`No cluster ${clusterId} in the graph.`);
  }
  // The ids of the subgraph first (one statement), then its nodes and relationships.
  const scope =
    clusterId === undefined
      ? null
      : (
          await driver.executeQuery(
            `MATCH (c:Cluster {id: $id})
             OPTIONAL MATCH (m:Organisation)-[:MEMBER_OF]->(c) WHERE m.synthetic = false
             WITH c, collect(m) AS members
             UNWIND members + [c] AS n
             OPTIONAL MATCH (n)-[:LOCATED_IN]->(r:Region)
             OPTIONAL MATCH (n)-[:PARTICIPATES_IN]->(p:Project) WHERE p.synthetic = false
             OPTIONAL MATCH (p)-[:FUNDED_BY]->(g:Programme)
             WITH collect(DISTINCT n.id) + collect(DISTINCT r.id) + collect(DISTINCT p.id) + collect(DISTINCT g.id) AS ids
             RETURN ids`,
            { id: clusterId },
            { database },
          )
        ).records[0]?.get('ids');
  const { records: nodeRecords } = await driver.executeQuery(
    `MATCH (n) WHERE n.synthetic = false AND labels(n)[0] IN $labels AND ($ids IS NULL OR n.id IN $ids)
     RETURN labels(n)[0] AS label, n.id AS id, properties(n) AS props ORDER BY label, id`,
    { labels: INTERCHANGE_LABELS, ids: scope },
    { database },
  );
  const nodes: InterchangeNode[] = nodeRecords.map((record) => {
    const row = record.toObject() as NodeRow;
    return {
      label: row.label,
      id: row.id,
      props: cleanProps(row.props, nodePropertyNames(row.label), nodeModel[row.label].properties),
    };
  });
  const ids = nodes.map((node) => node.id);
  const { records: relRecords } = await driver.executeQuery(
    `MATCH (a)-[r]->(b) WHERE type(r) IN $types AND a.id IN $ids AND b.id IN $ids
     RETURN type(r) AS type, a.id AS from, b.id AS to, properties(r) AS props ORDER BY type, from, to`,
    { types: INTERCHANGE_TYPES, ids },
    { database },
  );
  const relationships: InterchangeRelationship[] = relRecords.map((record) => {
    const row = record.toObject() as RelRow;
    const type = row.type as RelationshipType;
    return {
      ...row,
      props: cleanProps(row.props, relationshipPropertyNames(type), relationshipModel[type].properties),
    };
  });
  return {
    format: INTERCHANGE_FORMAT,
    version: INTERCHANGE_VERSION,
    description: clusterId === undefined ? 'the graph (no synthetic data)' : `the subgraph of ${clusterId}`,
    nodes,
    relationships,
  };
}

/** The document as written to a file: one record per line, so a diff shows records and problems name lines. */
export function formatInterchange(document: InterchangeDocument): string {
  const records = (items: readonly unknown[]) =>
    items.map((item) => `    ${JSON.stringify(item)}`).join(',\n');
  return `{
  "format": ${JSON.stringify(document.format)},
  "version": ${document.version},
${document.description === undefined ? '' : `  "description": ${JSON.stringify(document.description)},\n`}  "nodes": [
${records(document.nodes)}
  ],
  "relationships": [
${records(document.relationships)}
  ]
}
`;
}
