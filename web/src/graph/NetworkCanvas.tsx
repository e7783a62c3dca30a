import cytoscape, { type ElementDefinition } from 'cytoscape';
import { useEffect, useRef } from 'react';
import { radialPositions } from './radial-layout.ts';
import { type NetworkNodeData, networkStylesheet } from './stylesheet.ts';

const COMFORTABLE_ZOOM = 1.2;

function layOut(cy: cytoscape.Core, focusId: string): void {
  const positions = radialPositions(
    focusId,
    cy.nodes().map((node) => node.id()),
    cy.edges().map((edge) => [edge.source().id(), edge.target().id()] as [string, string]),
  );
  cy.layout({
    name: 'preset',
    positions: Object.fromEntries(positions),
    fit: true,
    padding: 40,
    animate: false,
  }).run();
  // A small network should not be blown up to fill the canvas.
  if (cy.zoom() > COMFORTABLE_ZOOM) {
    cy.zoom(COMFORTABLE_ZOOM);
    cy.center();
  }
}

/**
 * The one component that owns a cytoscape instance: it is created for a set of elements and
 * destroyed with them.
 */
export function NetworkCanvas(props: {
  elements: ElementDefinition[];
  focusId: string;
  label: string;
  onSelectNode: (node: NetworkNodeData | null) => void;
}) {
  const { elements, focusId, label, onSelectNode } = props;
  const container = useRef<HTMLDivElement>(null);
  // The latest callback, read by the cytoscape handlers without recreating the instance.
  const onSelect = useRef(onSelectNode);
  onSelect.current = onSelectNode;

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const cy = cytoscape({
      container: element,
      elements,
      style: networkStylesheet(),
      minZoom: 0.2,
      maxZoom: 3,
      boxSelectionEnabled: false,
    });
    layOut(cy, focusId);
    cy.on('tap', 'node', (event) => onSelect.current(event.target.data() as NetworkNodeData));
    cy.on('tap', (event) => {
      if (event.target === cy) onSelect.current(null);
    });
    element.dataset.nodeCount = String(cy.nodes().length);
    element.dataset.edgeCount = String(cy.edges().length);
    element.dataset.ready = 'true';
    return () => {
      delete element.dataset.ready;
      cy.destroy();
    };
  }, [elements, focusId]);

  return (
    <div
      ref={container}
      className="network__canvas"
      role="img"
      aria-label={label}
      data-testid="cooperation-network"
    />
  );
}
