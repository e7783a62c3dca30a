import { NODE_LABELS } from '@clustergraph/schema';
import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { type NetworkNodeData, networkStylesheet, nodeLooks } from './stylesheet.ts';

/** cytoscape reports colours as `rgb(r,g,b)`. */
function rgb(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((start) => Number.parseInt(hex.slice(start, start + 2), 16));
  return `rgb(${r},${g},${b})`;
}

function headless(nodes: NetworkNodeData[]) {
  return cytoscape({
    headless: true,
    styleEnabled: true,
    style: networkStylesheet(),
    elements: nodes.map((data) => ({ group: 'nodes' as const, data })),
  });
}

describe('network stylesheet', () => {
  it('has a look for every node label of the model, each with its own colour', () => {
    expect(Object.keys(nodeLooks).sort()).toEqual([...NODE_LABELS].sort());
    const colours = Object.values(nodeLooks).map((look) => look.color.toLowerCase());
    expect(new Set(colours).size).toBe(colours.length);
  });

  it('gives every rendered node the colour and shape of its label', () => {
    const cy = headless(
      NODE_LABELS.map((label) => ({
        id: `n-${label}`,
        key: `k-${label}`,
        type: label,
        name: `A ${label}`,
        caption: label,
      })),
    );
    for (const label of NODE_LABELS) {
      const node = cy.getElementById(`n-${label}`);
      expect(node.style('background-color'), label).toBe(rgb(nodeLooks[label].color));
      expect(node.style('shape'), label).toBe(nodeLooks[label].shape);
    }
    cy.destroy();
  });

  it('labels nodes with their caption and edges with their relationship', () => {
    const cy = headless([
      {
        id: 'org',
        key: 'org:cluj-it',
        type: 'Organisation',
        name: 'Cluj IT Association',
        caption: 'Cluj IT Association',
      },
      { id: 'cluster', key: 'cluster:cluj-it', type: 'Cluster', name: 'Cluj IT', caption: 'Cluj IT' },
    ]);
    cy.add({
      group: 'edges',
      data: { id: 'e', source: 'org', target: 'cluster', type: 'MANAGES', label: 'manages' },
    });
    expect(cy.getElementById('cluster').style('label')).toBe('Cluj IT');
    expect(cy.getElementById('e').style('label')).toBe('manages');
    cy.destroy();
  });
});
