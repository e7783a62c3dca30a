import type { Graph, GraphNode } from '@clustergraph/ingest';
import type { NodeLabel } from '@clustergraph/schema';

/**
 * What a synthetic graph links to and never invents: the curated regions, sectors, value-chain
 * stages and programmes, read from the curated graph.
 */
export type Reference = {
  /** Regions organisations are placed in: the most precise region of each territory (no sub-region). */
  places: Place[];
  sectors: SectorChain[];
  /** The support functions every chain shares (research, training, finance, business support). */
  supportStages: Map<SupportStage, Stage>;
  programmes: Map<CuratedProgramme, string>;
  /** Label of every curated node, so the write path can match the ends it does not write. */
  labels: Map<string, NodeLabel>;
};

export type Place = {
  regionId: string;
  code: string;
  name: string;
  country: string;
  /** The NUTS 2 region (or the country where there is none) partners and members cluster in. */
  areaId: string;
  areaName: string;
  /** Relative weight of the place in the economy: how many organisations land there. */
  weight: number;
};

export type Stage = { id: string; name: string; kind: 'PRIMARY' | 'SUPPORT'; naceCodes: string[] };

export type SectorChain = {
  id: string;
  code: string;
  name: string;
  /** Primary stages in chain order (HAS_STAGE position). */
  primary: Stage[];
  /** Share of organisations active in the sector before regional specialisation. */
  weight: number;
};

export const SUPPORT_STAGES = {
  research: 'stage:support:research-development',
  training: 'stage:support:education-training',
  finance: 'stage:support:finance',
  businessSupport: 'stage:support:business-support',
} as const;
export type SupportStage = keyof typeof SUPPORT_STAGES;

/** Curated programmes synthetic projects may be funded by, with the years they ran. */
export const CURATED_PROGRAMMES = {
  southEastEurope: 'programme:south-east-europe',
  interregIvc: 'programme:interreg-ivc',
  fp7: 'programme:fp7',
  esf: 'programme:esf',
  pncdiCompetitiveness: 'programme:pncdi-iii-p2-1',
} as const;
export type CuratedProgramme = keyof typeof CURATED_PROGRAMMES;

/**
 * Romania's counties (NUTS 3) by approximate share of national GDP (INS regional accounts,
 * around 2020, rounded): only their relative size matters. Bucharest, Ilfov, Cluj and Timiș
 * carry the weight they have in the real economy.
 */
const ROMANIAN_COUNTY_WEIGHTS: Record<string, number> = {
  RO321: 26,
  RO322: 5,
  RO113: 5,
  RO424: 4.4,
  RO223: 3.8,
  RO316: 3.3,
  RO122: 3.3,
  RO213: 3,
  RO311: 2.9,
  RO111: 2.5,
  RO126: 2.2,
  RO411: 2,
  RO125: 1.9,
  RO421: 1.8,
  RO224: 1.6,
  RO211: 1.6,
  RO215: 1.5,
  RO121: 1.4,
  RO313: 1.3,
  RO423: 1.2,
  RO114: 1.2,
  RO412: 1.1,
  RO415: 1,
  RO214: 1,
  RO222: 1,
  RO414: 0.9,
  RO115: 0.9,
  RO112: 0.8,
  RO221: 0.8,
  RO124: 0.7,
  RO226: 0.7,
  RO212: 0.7,
  RO315: 0.6,
  RO317: 0.6,
  RO312: 0.6,
  RO422: 0.6,
  RO116: 0.6,
  RO216: 0.6,
  RO123: 0.5,
  RO314: 0.5,
  RO413: 0.5,
  RO225: 0.5,
};

/** Share of organisations outside Romania: the foreign partners of the curated projects' countries. */
const FOREIGN_SHARE = 0.04;

/** Rough share of each sector among the organisations of the ecosystem. */
const SECTOR_WEIGHTS: Record<string, number> = {
  'agrifood-bioeconomy': 0.16,
  ict: 0.14,
  'mechatronics-materials': 0.13,
  'energy-environment': 0.1,
  'wood-furniture': 0.1,
  'textiles-leather': 0.1,
  tourism: 0.1,
  'health-medical-imaging': 0.09,
  'creative-new-media': 0.08,
};

/**
 * Regional specialisations (multipliers on the sector weights), keyed by a NUTS code prefix:
 * IT in Bucharest, Cluj, Iași and Timiș, textiles and wood in the North-East, wood in the
 * Carpathian counties, automotive mechatronics in Argeș, Brașov and Timiș, energy in Oltenia.
 */
const SPECIALISATIONS: Record<string, Record<string, number>> = {
  RO32: { ict: 3, 'creative-new-media': 2, 'health-medical-imaging': 1.5 },
  RO113: { ict: 3, 'health-medical-imaging': 1.5, 'creative-new-media': 1.5 },
  RO213: { ict: 2, 'health-medical-imaging': 1.5 },
  RO424: { ict: 2, 'mechatronics-materials': 2 },
  RO21: { 'textiles-leather': 2, 'wood-furniture': 1.5, 'agrifood-bioeconomy': 1.3 },
  RO114: { 'wood-furniture': 3 },
  RO124: { 'wood-furniture': 3 },
  RO123: { 'wood-furniture': 2.5 },
  RO215: { 'wood-furniture': 2.5 },
  RO122: { 'mechatronics-materials': 2, tourism: 1.5 },
  RO311: { 'mechatronics-materials': 2.5 },
  RO12: { tourism: 1.5 },
  RO22: { 'agrifood-bioeconomy': 1.5 },
  RO223: { tourism: 2.5, 'energy-environment': 1.5 },
  RO31: { 'agrifood-bioeconomy': 1.5, 'energy-environment': 1.3 },
  RO41: { 'energy-environment': 2, 'agrifood-bioeconomy': 1.3 },
  RO42: { 'textiles-leather': 1.3 },
};

/** Sector weights at a place: the national mix times the place's specialisations. */
export function sectorWeightsAt(place: Place, sectors: readonly SectorChain[]): number[] {
  return sectors.map((sector) => {
    let weight = sector.weight;
    for (const [prefix, multipliers] of Object.entries(SPECIALISATIONS)) {
      if (place.code.startsWith(prefix)) weight *= multipliers[sector.code] ?? 1;
    }
    return weight;
  });
}

function stringProp(node: GraphNode | undefined, name: string): string {
  const value = node?.props[name];
  if (typeof value !== 'string') throw new Error(`curated ${node?.id ?? 'node'} has no ${name}`);
  return value;
}

/** Extracts the reference from the curated graph; throws if a region or programme it needs is gone. */
export function buildReference(curated: Graph): Reference {
  const byId = new Map(curated.nodes.map((node) => [node.id, node]));
  const need = (id: string, label: NodeLabel): GraphNode => {
    const node = byId.get(id);
    if (node?.label !== label) throw new Error(`the curated graph has no ${label} ${id}`);
    return node;
  };

  const parentOf = new Map<string, string>();
  const hasChild = new Set<string>();
  const stagesOf = new Map<string, { position: number; stage: Stage }[]>();
  for (const rel of curated.relationships) {
    if (rel.type === 'PART_OF' && byId.get(rel.from)?.label === 'Region') {
      parentOf.set(rel.from, rel.to);
      hasChild.add(rel.to);
    }
    if (rel.type === 'HAS_STAGE') {
      const node = need(rel.to, 'ValueChainStage');
      const stage: Stage = {
        id: node.id,
        name: stringProp(node, 'name'),
        kind: stringProp(node, 'kind') === 'SUPPORT' ? 'SUPPORT' : 'PRIMARY',
        naceCodes: (node.props.naceCodes as string[] | undefined) ?? [],
      };
      const list = stagesOf.get(rel.from) ?? [];
      list.push({ position: Number(rel.props.position), stage });
      stagesOf.set(rel.from, list);
    }
  }

  const regions = curated.nodes.filter((node) => node.label === 'Region');
  const countryOf = (id: string): string => {
    let current = id;
    for (let parent = parentOf.get(current); parent; parent = parentOf.get(current)) current = parent;
    return stringProp(byId.get(current), 'code');
  };
  const areaOf = (region: GraphNode): GraphNode => {
    let current = region;
    while (Number(current.props.level) > 2) current = need(parentOf.get(current.id) ?? '', 'Region');
    return current;
  };
  const leaves = regions.filter((region) => !hasChild.has(region.id));
  const foreignLeaves = leaves.filter((region) => countryOf(region.id) !== 'RO');
  for (const code of Object.keys(ROMANIAN_COUNTY_WEIGHTS)) need(`region:${code}`, 'Region');
  const romanianTotal = Object.values(ROMANIAN_COUNTY_WEIGHTS).reduce((sum, weight) => sum + weight, 0);
  const places: Place[] = leaves.map((region): Place => {
    const code = stringProp(region, 'code');
    const country = countryOf(region.id);
    const countyWeight = ROMANIAN_COUNTY_WEIGHTS[code];
    if (country === 'RO' && countyWeight === undefined) throw new Error(`no economic weight for ${code}`);
    const weight =
      country === 'RO' ? (countyWeight ?? 0) / romanianTotal : FOREIGN_SHARE / foreignLeaves.length;
    const area = areaOf(region);
    return {
      regionId: region.id,
      code,
      name: stringProp(region, 'name'),
      country,
      areaId: area.id,
      areaName: stringProp(area, 'name'),
      weight,
    };
  });

  const sectors = curated.nodes
    .filter((node) => node.label === 'Sector')
    .map((node): SectorChain => {
      const code = stringProp(node, 'code');
      const primary = (stagesOf.get(node.id) ?? [])
        .sort((a, b) => a.position - b.position)
        .map(({ stage }) => stage)
        .filter((stage) => stage.kind === 'PRIMARY');
      if (primary.length === 0) throw new Error(`curated sector ${node.id} has no primary stage`);
      return {
        id: node.id,
        code,
        name: stringProp(node, 'name'),
        primary,
        weight: SECTOR_WEIGHTS[code] ?? 0.05,
      };
    });

  const supportStages = new Map<SupportStage, Stage>();
  for (const [key, id] of Object.entries(SUPPORT_STAGES) as [SupportStage, string][]) {
    const node = need(id, 'ValueChainStage');
    supportStages.set(key, {
      id,
      name: stringProp(node, 'name'),
      kind: 'SUPPORT',
      naceCodes: (node.props.naceCodes as string[] | undefined) ?? [],
    });
  }
  const programmes = new Map<CuratedProgramme, string>();
  for (const [key, id] of Object.entries(CURATED_PROGRAMMES) as [CuratedProgramme, string][]) {
    programmes.set(key, need(id, 'Programme').id);
  }

  return {
    places,
    sectors,
    supportStages,
    programmes,
    labels: new Map(curated.nodes.map((node) => [node.id, node.label])),
  };
}
