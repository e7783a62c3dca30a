import cytoscape, { type ElementDefinition } from 'cytoscape';
import { useEffect, useRef, useState } from 'react';
import type { Encoded, ExplorerEdge, ExplorerNode } from './encodings.ts';
import { layoutInWorker } from './layout-client.ts';

export type Viewport = { zoom: number; x: number; y: number };

/** What the explorer can ask of the drawn network (exports, positions). */
export type CanvasHandle = {
  png: () => Blob;
  positions: () => Map<string, { x: number; y: number }>;
};

/** Above this many nodes, labels wait for zoom and edges hide while panning. */
const LARGE = 1_500;
const FONT = 'Inter, "Segoe UI", system-ui, sans-serif';

function stylesheet(large: boolean): cytoscape.StylesheetJson {
  return [
    {
      selector: 'node',
      style: {
        'background-color': 'data(colour)',
        shape: 'data(shape)' as never,
        width: 'data(size)',
        height: 'data(size)',
        label: 'data(caption)',
        'font-family': FONT,
        'font-size': 10,
        'min-zoomed-font-size': large ? 12 : 6,
        color: '#1f2933',
        'text-valign': 'bottom',
        'text-margin-y': 3,
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.8,
        'text-background-padding': '1px',
        'border-width': 1,
        'border-color': '#ffffff',
      },
    },
    {
      selector: 'node.broker',
      style: { 'border-width': 4, 'border-color': '#1d3557', 'border-style': 'double' },
    },
    { selector: 'node.faded', style: { opacity: 0.15 } },
    { selector: 'edge.faded', style: { opacity: 0.05 } },
    {
      selector: 'node:selected',
      style: { 'border-width': 5, 'border-color': '#d62828', 'border-style': 'solid', 'z-index': 10 },
    },
    {
      selector: 'edge',
      style: {
        width: 'mapData(weight, 1, 10, 0.6, 5)',
        'line-color': '#9aa5b1',
        opacity: large ? 0.35 : 0.6,
        'curve-style': 'haystack',
      },
    },
    { selector: 'edge.incident', style: { 'line-color': '#d62828', opacity: 0.9 } },
  ];
}

function elementsOf(
  nodes: readonly ExplorerNode[],
  edges: readonly ExplorerEdge[],
  looks: Encoded['looks'],
  positions: Float64Array,
) {
  const known = new Set(nodes.map((node) => node.key));
  const elements: ElementDefinition[] = nodes.map((node, index) => {
    const look = looks.get(node.key);
    return {
      group: 'nodes',
      data: {
        id: node.key,
        caption: node.label.length > 28 ? `${node.label.slice(0, 27)}…` : node.label,
        colour: look?.colour ?? '#999999',
        shape: look?.shape ?? 'ellipse',
        size: look?.size ?? 20,
      },
      // Coordinates spread so that node sizes (12 to 56 px) read well at zoom 1.
      position: { x: (positions[2 * index] ?? 0) * 8, y: (positions[2 * index + 1] ?? 0) * 8 },
    };
  });
  edges.forEach((edge, index) => {
    if (!known.has(edge.source) || !known.has(edge.target)) return;
    elements.push({
      group: 'edges',
      data: { id: `e${index}`, source: edge.source, target: edge.target, weight: edge.weight },
    });
  });
  return elements;
}

/**
 * The explorer's drawing: the network laid out in a web worker (ForceAtlas2, deterministic),
 * then drawn by cytoscape. Looks and selection change without a new layout; a new set of nodes or
 * ties lays out again. The canvas is a picture for pointer users: the table beside it carries
 * the same nodes for keyboards and screen readers.
 */
export function ExplorerCanvas(props: {
  nodes: readonly ExplorerNode[];
  edges: readonly ExplorerEdge[];
  looks: Encoded['looks'];
  brokers: ReadonlySet<string>;
  selected: string | null;
  initialViewport: Viewport | null;
  label: string;
  testId?: string;
  onSelect: (key: string | null) => void;
  onViewport: (viewport: Viewport) => void;
  onReady: (handle: CanvasHandle | null) => void;
}) {
  const { nodes, edges, looks, brokers, selected, label } = props;
  const container = useRef<HTMLDivElement>(null);
  const [cy, setCy] = useState<cytoscape.Core | null>(null);
  const [status, setStatus] = useState<'laying-out' | 'ready' | 'failed'>('laying-out');
  const latest = useRef(props);
  latest.current = props;

  // Layout and instance: once per network.
  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const controller = new AbortController();
    let instance: cytoscape.Core | null = null;
    setStatus('laying-out');
    const index = new Map(nodes.map((node, position) => [node.key, position]));
    const ties: [number, number, number][] = [];
    for (const edge of edges) {
      const a = index.get(edge.source);
      const b = index.get(edge.target);
      if (a !== undefined && b !== undefined) ties.push([a, b, edge.weight]);
    }
    const started = performance.now();
    layoutInWorker({ nodes: nodes.map((node) => node.key), edges: ties }, controller.signal)
      .then((positions) => {
        const laidOut = performance.now();
        const large = nodes.length > LARGE;
        instance = cytoscape({
          container: element,
          elements: elementsOf(nodes, edges, latest.current.looks, positions),
          style: stylesheet(large),
          layout: { name: 'preset' },
          minZoom: 0.02,
          maxZoom: 4,
          boxSelectionEnabled: false,
          hideEdgesOnViewport: large,
          textureOnViewport: large,
          pixelRatio: large ? 1 : 'auto',
        });
        const viewport = latest.current.initialViewport;
        if (viewport) {
          instance.zoom(viewport.zoom);
          instance.pan({ x: viewport.x, y: viewport.y });
        } else instance.fit(undefined, 30);
        instance.on('tap', 'node', (event) => latest.current.onSelect(event.target.id()));
        instance.on('tap', (event) => {
          if (event.target === instance) latest.current.onSelect(null);
        });
        let timer = 0;
        instance.on('viewport', () => {
          window.clearTimeout(timer);
          timer = window.setTimeout(() => {
            if (!instance || instance.destroyed()) return;
            const pan = instance.pan();
            latest.current.onViewport({ zoom: instance.zoom(), x: pan.x, y: pan.y });
          }, 400);
        });
        const core = instance;
        latest.current.onReady({
          png: () => core.png({ output: 'blob', full: true, bg: '#ffffff', scale: 1 }) as unknown as Blob,
          positions: () => new Map(core.nodes().map((node) => [node.id(), { ...node.position() }])),
        });
        element.dataset.nodeCount = String(instance.nodes().length);
        element.dataset.edgeCount = String(instance.edges().length);
        element.dataset.layoutMs = String(Math.round(laidOut - started));
        element.dataset.drawMs = String(Math.round(performance.now() - laidOut));
        setCy(instance);
        setStatus('ready');
        element.dataset.ready = 'true';
      })
      .catch((error: unknown) => {
        if ((error as Error).name !== 'AbortError') setStatus('failed');
      });
    return () => {
      controller.abort();
      delete element.dataset.ready;
      latest.current.onReady(null);
      setCy(null);
      instance?.destroy();
    };
  }, [nodes, edges]);

  // Looks, brokers and selection: restyle in place.
  useEffect(() => {
    if (!cy) return;
    cy.batch(() => {
      cy.nodes().forEach((node) => {
        const look = looks.get(node.id());
        if (look) node.data({ colour: look.colour, shape: look.shape, size: look.size });
        node.toggleClass('broker', brokers.has(node.id()));
      });
      cy.elements().removeClass('faded incident');
      cy.nodes().unselect();
      if (selected && cy.hasElementWithId(selected)) {
        const node = cy.getElementById(selected);
        node.select();
        const around = node.closedNeighborhood();
        cy.elements().not(around).addClass('faded');
        node.connectedEdges().addClass('incident');
        if (!cy.extent() || !node.renderedBoundingBox()) return;
        const box = node.renderedBoundingBox();
        const outside = box.x2 < 0 || box.y2 < 0 || box.x1 > cy.width() || box.y1 > cy.height();
        if (outside) cy.center(node);
      }
    });
  }, [cy, looks, brokers, selected]);

  return (
    <div className="explorer__canvas-wrap">
      {status === 'laying-out' && (
        <p className="explorer__status" role="status">
          Laying out {nodes.length.toLocaleString('en-GB')} nodes…
        </p>
      )}
      {status === 'failed' && (
        <p className="explorer__status" role="alert">
          The network could not be laid out; the table below has the same nodes.
        </p>
      )}
      <div
        ref={container}
        className="explorer__canvas"
        role="img"
        aria-label={label}
        data-testid={props.testId ?? 'explorer-canvas'}
      />
    </div>
  );
}
