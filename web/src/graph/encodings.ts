import type { Css } from 'cytoscape';

/** A node of an explorer network as the API gives it (the metrics asked for, else null). */
export type ExplorerNode = {
  key: string;
  id: string | null;
  label: string;
  kind: string;
  organisationKind: string | null;
  regionCode: string | null;
  memberCount: number;
  degree: number | null;
  weightedDegree: number | null;
  betweenness: number | null;
  pagerank: number | null;
  community: number | null;
  component: number | null;
  brokerage: number | null;
};

export type ExplorerEdge = {
  source: string;
  target: string;
  weight: number;
  projectCount: number;
  explanation: string;
  from: string | null;
  to: string | null;
};

export const SIZE_MEASURES = ['weightedDegree', 'degree', 'betweenness', 'pagerank', 'none'] as const;
export type SizeMeasure = (typeof SIZE_MEASURES)[number];
export const COLOUR_MEASURES = ['community', 'organisationKind', 'region', 'betweenness', 'degree'] as const;
export type ColourMeasure = (typeof COLOUR_MEASURES)[number];

export const MEASURE_WORDS: Record<SizeMeasure | ColourMeasure, string> = {
  weightedDegree: 'Weighted degree (shared projects)',
  degree: 'Degree (partners)',
  betweenness: 'Betweenness (brokerage on shortest paths)',
  pagerank: 'PageRank',
  none: 'Same size',
  community: 'Community (Louvain)',
  organisationKind: 'Kind of organisation',
  region: 'Region',
};

/**
 * Ten categorical colours (Tableau 10, chosen for telling apart with common colour blindness) and
 * grey for the rest; a category also gets a shape, so the legend works without colour.
 */
export const CATEGORY_COLOURS = [
  '#4e79a7',
  '#f28e2b',
  '#e15759',
  '#76b7b2',
  '#59a14f',
  '#edc948',
  '#b07aa1',
  '#ff9da7',
  '#9c755f',
  '#79706e',
] as const;
export const OTHER_COLOUR = '#bab0ac';
export const CATEGORY_SHAPES: readonly Css.NodeShape[] = [
  'ellipse',
  'rectangle',
  'triangle',
  'diamond',
  'pentagon',
  'hexagon',
  'star',
  'vee',
  'octagon',
  'round-tag',
];
export const OTHER_SHAPE: Css.NodeShape = 'barrel';
/** Light to dark (viridis, five steps) for a measure: more is darker. */
export const RAMP = ['#fde725', '#5ec962', '#21918c', '#3b528b', '#440154'] as const;

const MIN_SIZE = 12;
const MAX_SIZE = 56;

export type LegendEntry = { text: string; colour: string; shape: Css.NodeShape; count: number };
export type Encoded = {
  /** Per node key: its colour, shape and size. */
  looks: Map<string, { colour: string; shape: Css.NodeShape; size: number }>;
  legend: LegendEntry[];
  /** When colour is a measure: what each shape stands for (kinds of organisation). */
  shapeLegend: { text: string; shape: Css.NodeShape; count: number }[];
};

function categoryOf(node: ExplorerNode, measure: ColourMeasure): string | null {
  switch (measure) {
    case 'community':
      return node.community === null ? null : `Community ${node.community + 1}`;
    case 'organisationKind':
      return node.organisationKind ?? (node.kind === 'ORGANISATION' ? 'Unknown kind' : node.kind);
    case 'region':
      return node.regionCode ?? 'No region';
    default:
      return null;
  }
}

function measureOf(node: ExplorerNode, measure: SizeMeasure | ColourMeasure): number {
  switch (measure) {
    case 'weightedDegree':
      return node.weightedDegree ?? 0;
    case 'degree':
      return node.degree ?? 0;
    case 'betweenness':
      return node.betweenness ?? 0;
    case 'pagerank':
      return node.pagerank ?? 0;
    default:
      return 0;
  }
}

/**
 * Colour, shape and size of every node from the chosen measures, and the legend that explains
 * them. Categories are ranked by how many nodes they have (the ten largest get a colour and a
 * shape of their own); a numeric measure is cut into five equal-count bands, each a shade.
 * The shape follows the category when colour is categorical, else the kind of organisation.
 */
export function encodeNodes(
  nodes: readonly ExplorerNode[],
  colourBy: ColourMeasure,
  sizeBy: SizeMeasure,
  formatCategory: (category: string) => string = (category) => category,
): Encoded {
  const categorical = colourBy === 'community' || colourBy === 'organisationKind' || colourBy === 'region';
  const shapeMeasure: ColourMeasure = categorical ? colourBy : 'organisationKind';
  const ranked = (measure: ColourMeasure) => {
    const counts = new Map<string, number>();
    for (const node of nodes) {
      const category = categoryOf(node, measure) ?? 'Other';
      counts.set(category, (counts.get(category) ?? 0) + 1);
    }
    return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  };
  const shapeRanks = new Map(ranked(shapeMeasure).map(([category], index) => [category, index]));
  const shapeOf = (node: ExplorerNode) =>
    CATEGORY_SHAPES[shapeRanks.get(categoryOf(node, shapeMeasure) ?? 'Other') ?? -1] ?? OTHER_SHAPE;

  const legend: LegendEntry[] = [];
  let colourOf: (node: ExplorerNode) => string;
  if (categorical) {
    const categories = ranked(colourBy);
    categories.forEach(([category, count], index) => {
      if (index < CATEGORY_COLOURS.length) {
        legend.push({
          text: formatCategory(category),
          colour: CATEGORY_COLOURS[index] as string,
          shape: CATEGORY_SHAPES[index] as Css.NodeShape,
          count,
        });
      }
    });
    const rest = categories.slice(CATEGORY_COLOURS.length).reduce((sum, [, count]) => sum + count, 0);
    if (rest > 0) legend.push({ text: 'Others', colour: OTHER_COLOUR, shape: OTHER_SHAPE, count: rest });
    const ranks = new Map(categories.map(([category], index) => [category, index]));
    colourOf = (node) =>
      CATEGORY_COLOURS[ranks.get(categoryOf(node, colourBy) ?? 'Other') ?? -1] ?? OTHER_COLOUR;
  } else {
    const sorted = nodes.map((node) => measureOf(node, colourBy)).sort((a, b) => a - b);
    const bounds = RAMP.map(
      (_, band) => sorted[Math.floor(((band + 1) * (sorted.length - 1)) / RAMP.length)] ?? 0,
    );
    const bandOf = (value: number) => {
      const band = bounds.findIndex((bound) => value <= bound);
      return band === -1 ? RAMP.length - 1 : band;
    };
    const counts = RAMP.map(() => 0);
    for (const value of sorted) counts[bandOf(value)] = (counts[bandOf(value)] ?? 0) + 1;
    let low = sorted[0] ?? 0;
    RAMP.forEach((colour, band) => {
      const high = bounds[band] ?? 0;
      if ((counts[band] ?? 0) > 0) {
        legend.push({
          text: `${MEASURE_WORDS[colourBy]}: ${formatValue(low)} – ${formatValue(high)}`,
          colour,
          shape: 'ellipse',
          count: counts[band] ?? 0,
        });
      }
      low = high;
    });
    colourOf = (node) => RAMP[bandOf(measureOf(node, colourBy))] as string;
  }

  const largest = Math.max(0, ...nodes.map((node) => measureOf(node, sizeBy)));
  const sizeOf = (node: ExplorerNode) =>
    sizeBy === 'none' || largest === 0
      ? (MIN_SIZE + MAX_SIZE) / 3
      : MIN_SIZE + (MAX_SIZE - MIN_SIZE) * Math.sqrt(measureOf(node, sizeBy) / largest);

  const shapeLegend = categorical
    ? []
    : ranked(shapeMeasure).map(([category, count], index) => ({
        text: formatCategory(category),
        shape: CATEGORY_SHAPES[index] ?? OTHER_SHAPE,
        count,
      }));
  const looks = new Map(
    nodes.map((node) => [node.key, { colour: colourOf(node), shape: shapeOf(node), size: sizeOf(node) }]),
  );
  return { looks, legend, shapeLegend };
}

export function formatValue(value: number): string {
  if (Number.isInteger(value)) return String(value);
  return value < 0.01 ? value.toExponential(1) : value.toFixed(3);
}
