import type { FilterNetworkInput, OrganisationKind } from '../../gql/graphql.ts';
import {
  COLOUR_MEASURES,
  type ColourMeasure,
  type ExplorerEdge,
  SIZE_MEASURES,
  type SizeMeasure,
} from '../../graph/encodings.ts';

const PARAMS = [
  'kind',
  'ties',
  'region',
  'sector',
  'okind',
  'programme',
  'from',
  'to',
  'origin',
  'minw',
  'first',
  'colour',
  'size',
  'brokers',
  'sel',
  'zoom',
  'sort',
  'page',
] as const;
export type ExplorerParams = Record<(typeof PARAMS)[number], string>;

/** Everything the explorer shows, as URL parameters (absent means the default). */
export const EXPLORER_DEFAULTS: ExplorerParams = {
  kind: 'ORGANISATION',
  ties: 'CO_PARTICIPATION',
  region: '',
  sector: '',
  okind: '',
  programme: '',
  from: '',
  to: '',
  origin: '',
  minw: '1',
  first: '500',
  colour: 'community',
  size: 'weightedDegree',
  brokers: '',
  sel: '',
  zoom: '',
  sort: 'weightedDegree',
  page: '1',
};

export const NODE_KINDS = ['ORGANISATION', 'CLUSTER', 'REGION'] as const;
export const TIE_KINDS = ['CO_PARTICIPATION', 'CO_MEMBERSHIP', 'PARTNERSHIP', 'ALL'] as const;
export const ORIGINS = ['CURATED', 'IMPORTED', 'SYNTHETIC'] as const;
export const ORGANISATION_KINDS = [
  'UNIVERSITY',
  'RESEARCH_INSTITUTE',
  'SME',
  'COMPANY',
  'LARGE_COMPANY',
  'CLUSTER_ORGANISATION',
  'BUSINESS_SUPPORT',
  'CHAMBER',
  'DEVELOPMENT_AGENCY',
  'PUBLIC_AUTHORITY',
  'NGO',
  'OTHER',
] as const satisfies readonly OrganisationKind[];
export const NODE_LIMITS = ['100', '500', '2000', '5000', '20000'] as const;

const oneOf = <T extends string>(values: readonly T[], value: string, fallback: T): T =>
  (values as readonly string[]).includes(value) ? (value as T) : fallback;

/** A year typed into the URL by hand is a year, or nothing. */
const yearOf = (value: string) => (/^\d{4}$/.test(value) ? value : null);

/** The API's network arguments for the explorer's URL. */
export function networkVariables(params: ExplorerParams): {
  filter: FilterNetworkInput;
  first: number;
  brokers: boolean;
} {
  const nodeKind = oneOf(NODE_KINDS, params.kind, 'ORGANISATION');
  const from = yearOf(params.from);
  const to = yearOf(params.to);
  const minWeight = Number.parseInt(params.minw, 10);
  const first = Number.parseInt(oneOf(NODE_LIMITS, params.first, '500'), 10);
  return {
    filter: {
      nodeKind,
      tieKind: oneOf(TIE_KINDS, params.ties, 'CO_PARTICIPATION'),
      ...(params.region ? { regionCode: params.region } : {}),
      ...(params.sector ? { sectorCode: params.sector } : {}),
      ...(params.okind &&
      nodeKind === 'ORGANISATION' &&
      ORGANISATION_KINDS.some((kind) => kind === params.okind)
        ? { organisationKinds: [params.okind as OrganisationKind] }
        : {}),
      ...(params.programme ? { programmeId: params.programme } : {}),
      ...(from || to ? { period: { ...(from ? { from } : {}), ...(to ? { to } : {}) } } : {}),
      ...(params.origin ? { origins: [oneOf(ORIGINS, params.origin, 'CURATED')] } : {}),
      minWeight: Number.isInteger(minWeight) && minWeight >= 1 ? minWeight : 1,
    },
    first,
    brokers: params.brokers === 'on',
  };
}

export const colourMeasure = (params: ExplorerParams): ColourMeasure =>
  oneOf(COLOUR_MEASURES, params.colour, 'community');
export const sizeMeasure = (params: ExplorerParams): SizeMeasure =>
  oneOf(SIZE_MEASURES, params.size, 'weightedDegree');

/** `zoom=1.25@-40,310`: the zoom and pan of a shared view. */
export function parseViewport(value: string): { zoom: number; x: number; y: number } | null {
  const match = /^(\d+(?:\.\d+)?)@(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?)$/.exec(value);
  if (!match) return null;
  const [zoom, x, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return zoom > 0 ? { zoom, x, y } : null;
}
export const formatViewport = (viewport: { zoom: number; x: number; y: number }) =>
  `${viewport.zoom.toFixed(3)}@${Math.round(viewport.x)},${Math.round(viewport.y)}`;

/**
 * How cooperation grew: per year, the ties whose first shared project started that year, and
 * every tie active that year (between its first start and its last end). Undated ties are counted
 * apart.
 */
export function tiesByYear(edges: readonly ExplorerEdge[]): {
  years: { year: number; started: number; active: number }[];
  undated: number;
} {
  const started = new Map<number, number>();
  const spans: [number, number][] = [];
  let undated = 0;
  for (const edge of edges) {
    const first = edge.from ? Number(edge.from.slice(0, 4)) : Number.NaN;
    if (!Number.isFinite(first)) {
      undated++;
      continue;
    }
    const last = edge.to ? Number(edge.to.slice(0, 4)) : first;
    started.set(first, (started.get(first) ?? 0) + 1);
    spans.push([first, Number.isFinite(last) ? Math.max(first, last) : first]);
  }
  if (spans.length === 0) return { years: [], undated };
  const low = Math.min(...spans.map(([a]) => a));
  const high = Math.max(...spans.map(([, b]) => b));
  const years = [];
  for (let year = low; year <= high; year++) {
    years.push({
      year,
      started: started.get(year) ?? 0,
      active: spans.filter(([a, b]) => a <= year && year <= b).length,
    });
  }
  return { years, undated };
}
