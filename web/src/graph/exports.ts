import Graph from 'graphology';
import writeGexf from 'graphology-gexf/common/writer.js';
import Papa from 'papaparse';
import type { Encoded, ExplorerEdge, ExplorerNode } from './encodings.ts';

/** The columns of the nodes CSV: the node's facts, then every metric (empty when not computed). */
const NODE_COLUMNS = [
  'key',
  'label',
  'kind',
  'organisationKind',
  'regionCode',
  'memberCount',
  'degree',
  'weightedDegree',
  'betweenness',
  'pagerank',
  'community',
  'component',
  'brokerage',
] as const satisfies readonly (keyof ExplorerNode)[];
const EDGE_COLUMNS = [
  'source',
  'target',
  'weight',
  'projectCount',
  'from',
  'to',
  'explanation',
] as const satisfies readonly (keyof ExplorerEdge)[];

export function nodesCsv(nodes: readonly ExplorerNode[]): string {
  return Papa.unparse({
    fields: [...NODE_COLUMNS],
    data: nodes.map((node) => NODE_COLUMNS.map((column) => node[column] ?? '')),
  });
}

export function edgesCsv(edges: readonly ExplorerEdge[]): string {
  return Papa.unparse({
    fields: [...EDGE_COLUMNS],
    data: edges.map((edge) => EDGE_COLUMNS.map((column) => edge[column] ?? '')),
  });
}

/**
 * The network as GEXF 1.3 (Gephi's format, written by graphology-gexf) with the metrics as
 * attributes and the picture as drawn: position, colour and size of every node.
 */
export function networkGexf(
  nodes: readonly ExplorerNode[],
  edges: readonly ExplorerEdge[],
  looks: Encoded['looks'],
  positions: ReadonlyMap<string, { x: number; y: number }>,
): string {
  const graph = new Graph({ type: 'undirected', multi: false });
  for (const node of nodes) {
    const attributes: Record<string, string | number> = {};
    for (const column of NODE_COLUMNS) {
      const value = node[column];
      if (value !== null && column !== 'key' && column !== 'label') attributes[column] = value;
    }
    graph.addNode(node.key, { label: node.label, attributes });
  }
  for (const edge of edges) {
    if (!graph.hasNode(edge.source) || !graph.hasNode(edge.target)) continue;
    if (graph.hasEdge(edge.source, edge.target)) continue;
    graph.addEdge(edge.source, edge.target, {
      weight: edge.weight,
      label: edge.explanation,
      attributes: {
        projectCount: edge.projectCount,
        ...(edge.from ? { from: edge.from } : {}),
        ...(edge.to ? { to: edge.to } : {}),
      },
    });
  }
  return writeGexf(graph, {
    version: '1.3',
    formatNode: (key, attributes) => {
      const look = looks.get(key);
      const position = positions.get(key);
      return {
        label: attributes.label as string,
        attributes: attributes.attributes as Record<string, string | number>,
        viz: {
          ...(look ? { color: look.colour, size: look.size } : {}),
          ...(position ? { x: position.x, y: position.y } : {}),
        },
      };
    },
    formatEdge: (_key, attributes) => ({
      label: attributes.label as string,
      weight: attributes.weight as number,
      attributes: attributes.attributes as Record<string, string | number>,
    }),
  });
}

/** Hands a file to the browser's download. */
export function download(name: string, content: Blob | string, type = 'text/plain'): void {
  const blob = typeof content === 'string' ? new Blob([content], { type }) : content;
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 1_000);
}
