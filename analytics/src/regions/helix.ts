import type { OrganisationKind } from '@clustergraph/schema';

/** The triple (quintuple) helix: which side of an ecosystem an organisation kind stands on. */
export const HELICES = ['BUSINESS', 'RESEARCH', 'UNIVERSITY', 'PUBLIC', 'SUPPORT', 'OTHER'] as const;
export type Helix = (typeof HELICES)[number];

const HELIX_OF_KIND: Record<OrganisationKind, Helix> = {
  SME: 'BUSINESS',
  LARGE_COMPANY: 'BUSINESS',
  COMPANY: 'BUSINESS',
  RESEARCH_INSTITUTE: 'RESEARCH',
  UNIVERSITY: 'UNIVERSITY',
  PUBLIC_AUTHORITY: 'PUBLIC',
  DEVELOPMENT_AGENCY: 'PUBLIC',
  CHAMBER: 'SUPPORT',
  BUSINESS_SUPPORT: 'SUPPORT',
  CLUSTER_ORGANISATION: 'SUPPORT',
  NGO: 'OTHER',
  OTHER: 'OTHER',
};

export function helixOf(kind: string | null): Helix {
  return (kind !== null && HELIX_OF_KIND[kind as OrganisationKind]) || 'OTHER';
}

/** Research organisations and universities on one side, companies on the other. */
export function isKnowledge(kind: string | null): boolean {
  const helix = helixOf(kind);
  return helix === 'RESEARCH' || helix === 'UNIVERSITY';
}

export function isBusiness(kind: string | null): boolean {
  return helixOf(kind) === 'BUSINESS';
}
