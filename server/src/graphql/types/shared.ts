import type { NodeRow } from '@clustergraph/schema';
import { ORGANISATION_KINDS, ORIGINS } from '@clustergraph/schema';
import type { ArgBuilder } from '@pothos/core';
import type { Hop } from '../../db/repositories/relations.ts';
import { builder, type Types } from '../builder.ts';
import type { Context } from '../context.ts';
import { type PrefetchHop, readsVia, unplanned } from '../reads.ts';
import { RegionRef, SourceRef } from '../refs.ts';
import { loadRelated, type MaybePromise, whenLoaded } from '../relations.ts';
import { relationshipSourceIds, sourcesByIds } from '../sources.ts';

export const OrganisationKind = builder.enumType('OrganisationKind', {
  description: 'What kind of body an organisation is.',
  values: ORGANISATION_KINDS,
});

export const Origin = builder.enumType('Origin', {
  description:
    'Where a node comes from: CURATED (a document of the curated dataset), IMPORTED (a named import, e.g. CORDIS), SYNTHETIC (generated). A node several sources state takes the first of these.',
  values: ORIGINS,
});

export const ORIGINS_FILTER_DESCRIPTION = 'Only nodes of these origins (see `Origin`); omitted: all.';

/** A region some source places a node in; several disagreeing claims are all kept. */
export type RegionClaimShape = { region: NodeRow<'Region'>; sourceIds: string[] };

export const RegionClaim = builder.objectRef<RegionClaimShape>('RegionClaim').implement({
  description: 'A statement that something is located in a region, with the sources that make it.',
  extensions: unplanned,
  fields: (t) => ({
    region: t.field({ type: RegionRef, resolve: (claim) => claim.region }),
    sources: t.field({
      type: [SourceRef],
      description: 'The documents and sections that place it there, as a node’s `sources`.',
      resolve: async (claim, _args, ctx) => sourcesByIds(ctx, claim.sourceIds),
    }),
  }),
});

type Located = 'Organisation' | 'Cluster' | 'Need' | 'Partnership' | 'PilotAction';

const locatedInHops = new Map<Located, Hop & { to: 'Region' }>();

function locatedInHop(from: Located): Hop & { to: 'Region' } {
  let hop = locatedInHops.get(from);
  if (!hop) {
    hop = { from, type: 'LOCATED_IN', direction: 'OUT', to: 'Region' };
    locatedInHops.set(from, hop);
  }
  return hop;
}

export function regionClaims(ctx: Context, from: Located, row: NodeRow): MaybePromise<RegionClaimShape[]> {
  return whenLoaded(loadRelated(ctx, locatedInHop(from), row), (page) =>
    page.items.map((item) => ({
      region: item.node,
      sourceIds: relationshipSourceIds(item.rel),
    })),
  );
}

/**
 * The region when the sources agree: the most precise claim when every other claim contains it
 * (a county and its development region; NUTS codes nest by prefix), null when none says or two
 * claims disagree.
 */
export function agreedRegion(
  ctx: Context,
  from: Located,
  row: NodeRow,
): MaybePromise<NodeRow<'Region'> | null> {
  return whenLoaded(regionClaims(ctx, from, row), mostPreciseAgreed);
}

function mostPreciseAgreed(claims: RegionClaimShape[]): NodeRow<'Region'> | null {
  const mostPrecise = claims.reduce<NodeRow<'Region'> | null>(
    (best, claim) => (best === null || claim.region.code.length > best.code.length ? claim.region : best),
    null,
  );
  if (!mostPrecise) return null;
  return claims.every((claim) => mostPrecise.code.startsWith(claim.region.code)) ? mostPrecise : null;
}

/** What agreedRegion reads: the codes of every region claimed. */
export function agreedRegionReads(from: Located): PrefetchHop {
  return { hop: locatedInHop(from), shape: 'nodes', nodeNeeds: ['code'] };
}

/** Options of a `region` field: the region the sources agree on. */
export function agreedRegionField<F extends Located>(from: F) {
  return {
    description:
      'The region, when the sources agree on one; null when none states it or they disagree (see `locatedIn`).',
    extensions: readsVia([agreedRegionReads(from)]),
    resolve: (row: NodeRow<F>, _args: unknown, ctx: Context) => agreedRegion(ctx, from, row),
  };
}

/** Options of a `locatedIn` field: every region claim with its sources. */
export function regionClaimsField<F extends Located>(from: F) {
  return {
    extensions: readsVia([{ hop: locatedInHop(from), shape: 'claims' }]),
    resolve: (row: NodeRow<F>, _args: unknown, ctx: Context) => regionClaims(ctx, from, row),
  };
}

/** `first` and `after` of every connection, validated by pageWindow. */
export const pageArgs = (arg: ArgBuilder<Types>) => ({
  first: arg.int({ required: false, description: 'Page size, 0 to 100 (default 20).' }),
  after: arg.string({ required: false, description: 'Cursor of the last edge of the previous page.' }),
});
