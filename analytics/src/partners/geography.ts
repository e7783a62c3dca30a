import { isoCountryOfNuts } from '@clustergraph/schema';

/**
 * Land borders of the EU and EEA countries (ISO 3166 alpha-2), their European territory only:
 * France's border with Brazil and Suriname, Spain's with Morocco and the UK's sovereign base
 * areas on Cyprus are left out. Source: CIA World Factbook, "Land boundaries" field of each
 * country (2024 edition), cross-checked against Wikipedia's "List of countries and territories
 * by land borders". Neighbours outside the EU/EEA are listed too: a Romanian cluster's partner
 * in Moldova or Serbia is a neighbour.
 */
const LAND_BORDERS: Readonly<Record<string, readonly string[]>> = {
  AT: ['CZ', 'DE', 'HU', 'IT', 'LI', 'SK', 'SI', 'CH'],
  BE: ['FR', 'DE', 'LU', 'NL'],
  BG: ['GR', 'MK', 'RO', 'RS', 'TR'],
  HR: ['BA', 'HU', 'ME', 'RS', 'SI'],
  CY: [],
  CZ: ['AT', 'DE', 'PL', 'SK'],
  DK: ['DE'],
  EE: ['LV', 'RU'],
  FI: ['NO', 'SE', 'RU'],
  FR: ['AD', 'BE', 'DE', 'IT', 'LU', 'MC', 'ES', 'CH'],
  DE: ['AT', 'BE', 'CZ', 'DK', 'FR', 'LU', 'NL', 'PL', 'CH'],
  GR: ['AL', 'BG', 'MK', 'TR'],
  HU: ['AT', 'HR', 'RO', 'RS', 'SK', 'SI', 'UA'],
  IE: ['GB'],
  IT: ['AT', 'FR', 'SM', 'SI', 'CH', 'VA'],
  LV: ['BY', 'EE', 'LT', 'RU'],
  LT: ['BY', 'LV', 'PL', 'RU'],
  LU: ['BE', 'FR', 'DE'],
  MT: [],
  NL: ['BE', 'DE'],
  PL: ['BY', 'CZ', 'DE', 'LT', 'RU', 'SK', 'UA'],
  PT: ['ES'],
  RO: ['BG', 'HU', 'MD', 'RS', 'UA'],
  SK: ['AT', 'CZ', 'HU', 'PL', 'UA'],
  SI: ['AT', 'HR', 'HU', 'IT'],
  ES: ['AD', 'FR', 'GI', 'PT'],
  SE: ['FI', 'NO'],
  IS: [],
  LI: ['AT', 'CH'],
  NO: ['FI', 'SE', 'RU'],
};

/** The EU 27 and the EEA countries outside it. */
export const EU_EEA_COUNTRIES: ReadonlySet<string> = new Set(Object.keys(LAND_BORDERS));

const neighbours = new Map<string, Set<string>>();
for (const [country, others] of Object.entries(LAND_BORDERS)) {
  for (const other of others) {
    for (const [a, b] of [
      [country, other],
      [other, country],
    ] as const) {
      const set = neighbours.get(a) ?? new Set<string>();
      set.add(b);
      neighbours.set(a, set);
    }
  }
}

/** Whether two countries share a land border (symmetric: either side's entry suffices). */
export function areNeighbours(a: string, b: string): boolean {
  return neighbours.get(a)?.has(b) ?? false;
}

export const PROXIMITIES = [
  'SAME_NUTS3',
  'SAME_NUTS2',
  'SAME_COUNTRY',
  'NEIGHBOURING_COUNTRY',
  'EU_EEA',
  'FAR',
] as const;
export type Proximity = (typeof PROXIMITIES)[number];

/** How close an organisation is to a cluster, from NUTS codes and ISO countries. */
export function proximityOf(
  candidate: { regionCode: string | null; country: string | null },
  home: { regionCode: string | null; country: string | null },
): Proximity {
  const a = candidate.regionCode;
  const b = home.regionCode;
  if (a && b && a.length >= 5 && b.length >= 5 && a.slice(0, 5) === b.slice(0, 5)) return 'SAME_NUTS3';
  if (a && b && a.length >= 4 && b.length >= 4 && a.slice(0, 4) === b.slice(0, 4)) return 'SAME_NUTS2';
  const countryA = candidate.country ?? (a ? isoCountryOfNuts(a) : null);
  const countryB = home.country ?? (b ? isoCountryOfNuts(b) : null);
  if (!countryA || !countryB) return 'FAR';
  if (countryA === countryB) return 'SAME_COUNTRY';
  if (areNeighbours(countryA, countryB)) return 'NEIGHBOURING_COUNTRY';
  if (EU_EEA_COUNTRIES.has(countryA) && EU_EEA_COUNTRIES.has(countryB)) return 'EU_EEA';
  return 'FAR';
}

/** The geography part of a score, by proximity. */
export const PROXIMITY_SCORES: Readonly<Record<Proximity, number>> = {
  SAME_NUTS3: 1,
  SAME_NUTS2: 0.8,
  SAME_COUNTRY: 0.6,
  NEIGHBOURING_COUNTRY: 0.4,
  EU_EEA: 0.2,
  FAR: 0,
};
