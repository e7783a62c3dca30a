import { type NodeLabel, type Origin, type RelationshipType, relationshipModel } from '@clustergraph/schema';
import type { Driver } from 'neo4j-driver';

/** Labels importers state; their nodes are read before an import to match and compare. */
export const IMPORTED_LABELS = [
  'Organisation',
  'Cluster',
  'Project',
  'Programme',
  'Region',
] as const satisfies NodeLabel[];
export type ImportedLabel = (typeof IMPORTED_LABELS)[number];

/** Relationship types importers state. */
export const IMPORTED_TYPES = [
  'LOCATED_IN',
  'PARTICIPATES_IN',
  'FUNDED_BY',
  'MEMBER_OF',
] as const satisfies RelationshipType[];

/** What one import stated about a node, kept on its SOURCED_FROM link to the import's Source. */
export type Claim = {
  source: string;
  stated: Record<string, unknown>;
  rows: number[];
  importId: string;
  importedAt: string;
};

export type ExistingNode = {
  label: NodeLabel;
  id: string;
  origin: Origin;
  /** Properties as they are, for nodes no import owns (curated): to name conflicts. */
  props: Record<string, unknown>;
  /** Codes of the regions it is located in (an organisation's country when it states none). */
  regionCodes: string[];
  claims: Claim[];
};

export type ExistingRelationship = {
  type: RelationshipType;
  from: string;
  fromLabel: NodeLabel;
  to: string;
  toLabel: NodeLabel;
  origin: Origin;
  sources: string[];
  importId: string | null;
  rows: number[];
  props: Record<string, unknown>;
};

/** The part of the graph an import compares itself with. */
export type GraphState = {
  nodes: Map<string, ExistingNode>;
  /** Every relationship of the imported types that an import stated, or between nodes no import owns. */
  relationships: Map<string, ExistingRelationship>;
};

type NodeRowShape = {
  id: string;
  origin: Origin | null;
  props: Record<string, unknown>;
  regionCodes: string[];
  claims: { source: string; stated: string; rows: number[] | null; importId: string; importedAt: string }[];
};

/**
 * Reads the non-synthetic nodes of the imported labels with their import claims, and the
 * relationships of the imported types that are not synthetic: one statement per label and type.
 */
export async function readGraphState(driver: Driver, database?: string): Promise<GraphState> {
  const nodes = new Map<string, ExistingNode>();
  const relationships = new Map<string, ExistingRelationship>();
  // The statements run side by side: Neo4j answers one while the driver decodes another.
  const readLabel = async (label: ImportedLabel) => {
    const { records } = await driver.executeQuery(
      `MATCH (n:${label}) WHERE n.synthetic = false
       OPTIONAL MATCH (n)-[c:SOURCED_FROM]->(s:Source) WHERE c.stated IS NOT NULL
       WITH n, collect(CASE WHEN c IS NULL THEN null ELSE
         {source: s.id, stated: c.stated, rows: c.rows, importId: c.importId, importedAt: c.importedAt} END) AS claims
       RETURN n.id AS id, n.origin AS origin, [(n)-[:LOCATED_IN]->(r:Region) | r.code] AS regionCodes,
         CASE WHEN n.origin = 'IMPORTED' THEN {} ELSE properties(n) END AS props, claims`,
      {},
      { database },
    );
    for (const record of records) {
      const row = record.toObject() as NodeRowShape;
      nodes.set(row.id, {
        label,
        id: row.id,
        origin: row.origin ?? 'CURATED',
        props: row.props,
        regionCodes: row.regionCodes,
        claims: row.claims.map((claim) => ({
          source: claim.source,
          stated: JSON.parse(claim.stated) as Record<string, unknown>,
          rows: claim.rows ?? [],
          importId: claim.importId,
          importedAt: claim.importedAt,
        })),
      });
    }
  };
  const readType = async (type: (typeof IMPORTED_TYPES)[number]) => {
    const { records } = await driver.executeQuery(
      `MATCH (a)-[r:${type}]->(b) WHERE a.synthetic = false AND b.synthetic = false
       RETURN a.id AS from, labels(a)[0] AS fromLabel, b.id AS to, labels(b)[0] AS toLabel,
         coalesce(r.origin, 'CURATED') AS origin, coalesce(r.sources, []) AS sources, r.importId AS importId,
         coalesce(r.rows, []) AS rows, ${projection('r', statedKeys(type))} AS props`,
      {},
      { database },
    );
    for (const record of records) {
      const row = record.toObject() as Omit<ExistingRelationship, 'type'>;
      relationships.set(`${type}|${row.from}|${row.to}`, { type, ...row, props: withoutNulls(row.props) });
    }
  };
  await Promise.all([...IMPORTED_LABELS.map(readLabel), ...IMPORTED_TYPES.map(readType)]);
  return { nodes, relationships };
}

/** Keys of a relationship that a source states (the model's, but the provenance the loader sets). */
export function statedKeys(type: RelationshipType): string[] {
  const provenance = new Set(['sources', 'origin', 'importId', 'rows', 'version']);
  return Object.keys(relationshipModel[type].properties).filter((key) => !provenance.has(key));
}

function projection(variable: string, keys: readonly string[]): string {
  return keys.length === 0 ? '{}' : `${variable} {${keys.map((key) => `.${key}`).join(', ')}}`;
}

function withoutNulls(props: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(props).filter(([, value]) => value !== null));
}

/**
 * Regions an importer may link to without stating them: those a document states. A region only
 * imports state is stated again by each import using it, so it lives as long as one of them.
 */
export async function readKnownRegions(driver: Driver, database?: string): Promise<Set<string>> {
  const { records } = await driver.executeQuery(
    "MATCH (r:Region) WHERE r.synthetic = false AND coalesce(r.origin, 'CURATED') <> 'IMPORTED' RETURN r.id AS id",
    {},
    { database },
  );
  return new Set(records.map((record) => record.get('id') as string));
}
