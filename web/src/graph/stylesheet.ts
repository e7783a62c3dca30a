import type { NodeLabel } from '@clustergraph/schema';
import type { Css, StylesheetJson } from 'cytoscape';

export type NodeLook = { color: string; shape: Css.NodeShape; size: number };

/**
 * How each label of the model looks in a network. Keyed by the model's labels, so a new label
 * does not compile until it has a look; colours are distinct so the legend is unambiguous.
 */
export const nodeLooks: Record<NodeLabel, NodeLook> = {
  Cluster: { color: '#e4572e', shape: 'round-hexagon', size: 46 },
  Organisation: { color: '#2a9d8f', shape: 'ellipse', size: 26 },
  Project: { color: '#3a6ea5', shape: 'round-rectangle', size: 30 },
  Partnership: { color: '#8e5ad6', shape: 'round-diamond', size: 34 },
  Programme: { color: '#264653', shape: 'round-tag', size: 30 },
  Region: { color: '#8d99ae', shape: 'round-triangle', size: 28 },
  Sector: { color: '#e9a23b', shape: 'round-pentagon', size: 30 },
  ValueChainStage: { color: '#c9b458', shape: 'barrel', size: 24 },
  PilotAction: { color: '#d6457a', shape: 'star', size: 30 },
  Need: { color: '#b5651d', shape: 'vee', size: 26 },
  GoodPractice: { color: '#4caf50', shape: 'round-octagon', size: 28 },
  Source: { color: '#6c757d', shape: 'cut-rectangle', size: 20 },
  Import: { color: '#495057', shape: 'tag', size: 20 },
};

/** Data every node of a network carries; `type` selects its look. */
export type NetworkNodeData = { id: string; key: string; type: NodeLabel; name: string; caption: string };

const FONT = 'Inter, "Segoe UI", system-ui, sans-serif';

export function networkStylesheet(): StylesheetJson {
  const perLabel = (Object.entries(nodeLooks) as [NodeLabel, NodeLook][]).map(([label, look]) => ({
    selector: `node[type = "${label}"]`,
    style: {
      'background-color': look.color,
      shape: look.shape,
      width: look.size,
      height: look.size,
    },
  }));
  return [
    {
      selector: 'node',
      style: {
        label: 'data(caption)',
        'font-family': FONT,
        'font-size': 10,
        color: '#1f2933',
        'text-valign': 'bottom',
        'text-margin-y': 4,
        'text-wrap': 'wrap',
        'text-max-width': '120px',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.85,
        'text-background-padding': '2px',
        'text-background-shape': 'roundrectangle',
        'border-width': 2,
        'border-color': '#ffffff',
      },
    },
    ...perLabel,
    {
      selector: 'node.focus',
      style: { 'font-size': 13, 'font-weight': 'bold', 'border-width': 4, 'border-color': '#1d3557' },
    },
    {
      selector: 'node:selected',
      style: { 'border-width': 4, 'border-color': '#f4d35e' },
    },
    {
      selector: 'edge',
      style: {
        width: 1.5,
        'line-color': '#b8c2cc',
        'target-arrow-color': '#b8c2cc',
        'target-arrow-shape': 'triangle',
        'arrow-scale': 0.8,
        'curve-style': 'bezier',
        label: 'data(label)',
        'font-family': FONT,
        'font-size': 9,
        // Edge labels give way when zoomed out on a large network.
        'min-zoomed-font-size': 7,
        color: '#52606d',
        'text-rotation': 'autorotate',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.9,
        'text-background-padding': '1px',
      },
    },
    {
      selector: 'edge[type = "MANAGES"]',
      style: { width: 2.5, 'line-color': '#1d3557', 'target-arrow-color': '#1d3557' },
    },
    {
      selector: 'edge:selected',
      style: { 'line-color': '#f4a261', 'target-arrow-color': '#f4a261' },
    },
  ];
}
