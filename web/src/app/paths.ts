import { type NodeLabel, toGlobalId } from '@clustergraph/schema';

/**
 * Readable URLs: `/clusters/ind-agro-pol` is the cluster whose graph key is
 * `cluster:ind-agro-pol`. A key that is not `<its label's prefix>:<a name without colons>`
 * (synthetic `syn:cluster:00001`, a stage's `stage:agrifood:processing`) goes whole, so every key
 * has exactly one path and every path one key: a slug with a colon is a whole key.
 */
export const entityRoutes = {
  Cluster: { segment: 'clusters', keyPrefix: 'cluster', singular: 'cluster', plural: 'Clusters' },
  Organisation: {
    segment: 'organisations',
    keyPrefix: 'org',
    singular: 'organisation',
    plural: 'Organisations',
  },
  Project: { segment: 'projects', keyPrefix: 'project', singular: 'project', plural: 'Projects' },
  Programme: { segment: 'programmes', keyPrefix: 'programme', singular: 'programme', plural: 'Programmes' },
  Region: { segment: 'regions', keyPrefix: 'region', singular: 'region', plural: 'Regions' },
  Sector: { segment: 'sectors', keyPrefix: 'sector', singular: 'sector', plural: 'Sectors' },
  ValueChainStage: { segment: 'stages', keyPrefix: 'stage', singular: 'value-chain stage', plural: 'Stages' },
  Need: { segment: 'needs', keyPrefix: 'need', singular: 'need', plural: 'Needs' },
  PilotAction: {
    segment: 'pilot-actions',
    keyPrefix: 'pilot',
    singular: 'pilot action',
    plural: 'Pilot actions',
  },
  GoodPractice: {
    segment: 'good-practices',
    keyPrefix: 'practice',
    singular: 'good practice',
    plural: 'Good practices',
  },
  Partnership: {
    segment: 'partnerships',
    keyPrefix: 'partnership',
    singular: 'partnership',
    plural: 'Partnerships',
  },
} as const satisfies Partial<
  Record<NodeLabel, { segment: string; keyPrefix: string; singular: string; plural: string }>
>;

export type EntityLabel = keyof typeof entityRoutes;

export const isEntityLabel = (typename: string): typename is EntityLabel =>
  Object.hasOwn(entityRoutes, typename);

/** The path of an entity's page from its GraphQL type name and graph key. */
export function entityPath(label: EntityLabel, key: string): string {
  const { segment, keyPrefix } = entityRoutes[label];
  const rest = key.slice(keyPrefix.length + 1);
  const slug = key.startsWith(`${keyPrefix}:`) && !rest.includes(':') ? rest : key;
  return `/${segment}/${encodeURIComponent(slug)}`;
}

/** The graph key a path segment names (the reverse of entityPath); the router has decoded it. */
export function keyFromSlug(label: EntityLabel, slug: string): string {
  return slug.includes(':') ? slug : `${entityRoutes[label].keyPrefix}:${slug}`;
}

/** The API's global id of the entity a path names, so a page asks `node(id)` for it. */
export const globalIdFromSlug = (label: EntityLabel, slug: string) =>
  toGlobalId(label, keyFromSlug(label, slug));

export const listPath = (label: EntityLabel) => `/${entityRoutes[label].segment}`;
