import { type FragmentType, getFragmentData, graphql } from '../gql';
import { EntityLink } from './EntityLink.tsx';
import { RegionClaims_region } from './RegionClaims.tsx';

export const RegionCell_claims = graphql(`
  fragment RegionCell_claims on RegionClaim {
    region {
      id
      key
      code
      name
    }
  }
`);

/**
 * A table cell: the region the sources agree on; "disputed" with every claim when they place the
 * entity in different regions (the API keeps each claim and picks none).
 */
export function RegionCell(props: {
  region: FragmentType<typeof RegionClaims_region> | null | undefined;
  claims: readonly FragmentType<typeof RegionCell_claims>[];
}) {
  const region = getFragmentData(RegionClaims_region, props.region);
  const claims = getFragmentData(RegionCell_claims, props.claims);
  if (region) {
    return (
      <EntityLink label="Region" entityKey={region.key} className="region">
        <code className="region__code">{region.code}</code> {region.name}
      </EntityLink>
    );
  }
  if (claims.length > 1) {
    const described = claims.map((claim) => `${claim.region.code} ${claim.region.name}`);
    return (
      <div className="region region--disputed">
        <span className="badge badge--warning" title={`Sources disagree: ${described.join(', ')}`}>
          disputed
        </span>
        <ul className="region__claims">
          {claims.map((claim) => (
            <li key={claim.region.key}>
              <EntityLink label="Region" entityKey={claim.region.key}>
                {claim.region.code} {claim.region.name}
              </EntityLink>
            </li>
          ))}
        </ul>
      </div>
    );
  }
  return <span className="muted">—</span>;
}
