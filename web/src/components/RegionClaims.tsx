import { type FragmentType, getFragmentData, graphql } from '../gql';
import { EntityLink } from './EntityLink.tsx';

export const RegionClaims_region = graphql(`
  fragment RegionClaims_region on Region {
    id
    key
    code
    name
  }
`);

export const RegionClaims_claims = graphql(`
  fragment RegionClaims_claims on RegionClaim {
    region {
      id
      key
      code
      name
    }
    sources {
      id
      document
      section
    }
  }
`);

/** The agreed region, or every claim with the source that makes it when the sources disagree. */
export function RegionClaims(props: {
  region: FragmentType<typeof RegionClaims_region> | null | undefined;
  claims: readonly FragmentType<typeof RegionClaims_claims>[];
}) {
  const region = getFragmentData(RegionClaims_region, props.region);
  const claims = getFragmentData(RegionClaims_claims, props.claims);
  if (region) {
    return (
      <EntityLink label="Region" entityKey={region.key}>
        <code className="region__code">{region.code}</code> {region.name}
      </EntityLink>
    );
  }
  if (claims.length === 0) return <span className="muted">not stated</span>;
  return (
    <div>
      <span className="badge badge--warning">disputed</span>
      <ul className="claims">
        {claims.map((claim) => (
          <li key={claim.region.code}>
            <EntityLink label="Region" entityKey={claim.region.key}>
              <code className="region__code">{claim.region.code}</code> {claim.region.name}
            </EntityLink>
            <span className="subtle">
              {' '}
              per {claim.sources.map((source) => `${source.document} (${source.section})`).join('; ')}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
