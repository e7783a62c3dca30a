import { dateRange } from './partial-dates.ts';
import type { CooperationData, NetworkDescription, NetworkFilter, RegionRow } from './types.ts';

export class NetworkFilterError extends Error {
  constructor(
    /** The filter field at fault, e.g. "minWeight". */
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'NetworkFilterError';
  }
}

export type NormalisedFilter = Omit<NetworkDescription, 'nodeCount' | 'edgeCount'>;

function sortedOrNull<T extends string>(values: readonly T[] | undefined): readonly T[] | null {
  return values && values.length > 0 ? [...new Set(values)].sort() : null;
}

/** Fills in defaults and checks the filter; the result (with counts) describes the network built. */
export function normaliseFilter(filter: NetworkFilter = {}): NormalisedFilter {
  const minWeight = filter.minWeight ?? 1;
  if (!Number.isFinite(minWeight) || minWeight < 1) {
    throw new NetworkFilterError(
      'minWeight',
      `minWeight must be a number of at least 1, got ${filter.minWeight}`,
    );
  }
  try {
    dateRange(filter.period);
  } catch (error) {
    throw new NetworkFilterError('period', (error as Error).message);
  }
  const nodeKind = filter.nodeKind ?? 'ORGANISATION';
  const regionLevel = filter.regionLevel ?? null;
  if (regionLevel !== null && (!Number.isInteger(regionLevel) || regionLevel < 0 || regionLevel > 3)) {
    throw new NetworkFilterError('regionLevel', `regionLevel must be 0, 1, 2 or 3, got ${regionLevel}`);
  }
  if (filter.clusterId !== undefined && nodeKind !== 'ORGANISATION') {
    throw new NetworkFilterError(
      'clusterId',
      `clusterId selects the members of a cluster and needs an ORGANISATION network, not ${nodeKind}`,
    );
  }
  const normalised = {
    nodeKind,
    tieKind: filter.tieKind ?? 'CO_PARTICIPATION',
    regionCode: filter.regionCode ?? null,
    sectorCode: filter.sectorCode ?? null,
    organisationKinds: sortedOrNull(filter.organisationKinds),
    programmeId: filter.programmeId ?? null,
    clusterId: filter.clusterId ?? null,
    period: { from: filter.period?.from ?? null, to: filter.period?.to ?? null },
    origins: sortedOrNull(filter.origins),
    minWeight,
    regionLevel: nodeKind === 'REGION' ? regionLevel : null,
  };
  return { ...normalised, key: JSON.stringify(normalised) };
}

/**
 * The region codes inside `code` (itself included): by the hierarchy given and, as NUTS codes are
 * hierarchical by prefix (DE > DE1 > DE11 > DE111), by prefix for codes the hierarchy does not list.
 */
export function regionMatcher(
  code: string,
  regions: readonly RegionRow[] = [],
): (candidate: string | null) => boolean {
  const children = new Map<string, string[]>();
  for (const region of regions) {
    if (region.parentCode === null) continue;
    const siblings = children.get(region.parentCode) ?? [];
    siblings.push(region.code);
    children.set(region.parentCode, siblings);
  }
  const inside = new Set<string>([code]);
  const pending = [code];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    for (const child of children.get(next) ?? []) {
      if (!inside.has(child)) {
        inside.add(child);
        pending.push(child);
      }
    }
  }
  return (candidate) => candidate !== null && (inside.has(candidate) || candidate.startsWith(code));
}

/** The region a code rolls up to at a NUTS level: by the hierarchy when known, else by NUTS prefix. */
export function regionRollUp(regions: readonly RegionRow[] = []): (code: string, level: number) => string {
  const byCode = new Map(regions.map((region) => [region.code, region]));
  return (code, level) => {
    let region = byCode.get(code);
    while (region && region.level > level && region.parentCode !== null) {
      const parent = byCode.get(region.parentCode);
      if (!parent) return region.parentCode;
      region = parent;
    }
    if (region) return region.code;
    return code.slice(0, 2 + level);
  };
}

export function regionNames(data: CooperationData): Map<string, string> {
  return new Map((data.regions ?? []).map((region) => [region.code, region.name]));
}
