/**
 * The plain facts the value-chain analyses read: what a server statement or a generated graph
 * hands over. No driver types, no GraphQL: ids, codes and lists.
 */

export type StageKind = 'PRIMARY' | 'SUPPORT';

export type StageFacts = { id: string; name: string; kind: StageKind; naceCodes: readonly string[] };

/** A sector's chain: its primary stages in order, then the support functions. */
export type ChainFacts = { sectorId: string; sectorName: string; stages: readonly StageFacts[] };

export type OrganisationFacts = {
  id: string;
  name: string;
  kind: string;
  size: string | null;
  /** Code of the most precise region it is located in (NUTS 3 where known), null when unknown. */
  regionCode: string | null;
  /** ISO 3166 alpha-2 country. */
  country: string | null;
  naceCodes: readonly string[];
  /** Stages a source states it provides (PROVIDES). */
  providesStageIds: readonly string[];
  synthetic: boolean;
  /** Projects it takes part in, and the sum over them of its co-participants (a degree). */
  projectCount: number;
  coParticipations: number;
};

/** Whose chains are analysed: a cluster (its members) or a region (the organisations in it). */
export type ScopeFacts = {
  kind: 'CLUSTER' | 'REGION';
  id: string;
  /** The region "inside" means: the cluster's NUTS 2 region, or the region analysed. */
  regionCode: string | null;
  synthetic: boolean;
};

/**
 * The NACE code of `codes` that falls under one of `stageCodes`, or null. A stage's "13.1" covers
 * "13.1" and "13.10"; its "14" covers "14.13"; as the server's provider statement matches.
 */
export function matchingNaceCode(codes: readonly string[], stageCodes: readonly string[]): string | null {
  for (const code of codes) {
    for (const prefix of stageCodes) {
      if (
        code === prefix ||
        code.startsWith(`${prefix}.`) ||
        (prefix.length === 4 && code.length > 4 && code.startsWith(prefix))
      )
        return code;
    }
  }
  return null;
}

/** A NUTS code is inside a region when it starts with the region's code ("RO213" is in "RO21"). */
export function isInRegion(regionCode: string | null, scopeRegion: string | null): boolean {
  return regionCode !== null && scopeRegion !== null && regionCode.startsWith(scopeRegion);
}

/** The NUTS 2 region of a code, or the code itself when it is coarser or outside NUTS. */
export function nuts2Of(code: string): string {
  return /^[A-Z]{2}[0-9A-Z]{2,}$/.test(code) ? code.slice(0, 4) : code;
}
