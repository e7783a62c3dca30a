import { type FragmentType, getFragmentData, graphql } from '../gql';

export const RegionClaims_cluster = graphql(`
  fragment RegionClaims_cluster on Cluster {
    region {
      code
      name
    }
    locatedIn {
      region {
        code
        name
      }
      sources {
        id
        document
        section
      }
    }
  }
`);

/** The agreed region, or every claim with the source that makes it when the sources disagree. */
export function RegionClaims(props: { cluster: FragmentType<typeof RegionClaims_cluster> }) {
  const { region, locatedIn } = getFragmentData(RegionClaims_cluster, props.cluster);
  if (region) {
    return (
      <span>
        <code className="region__code">{region.code}</code> {region.name}
      </span>
    );
  }
  if (locatedIn.length === 0) return <span className="muted">not stated</span>;
  return (
    <div>
      <span className="badge badge--warning">disputed</span>
      <ul className="claims">
        {locatedIn.map((claim) => (
          <li key={claim.region.code}>
            <code className="region__code">{claim.region.code}</code> {claim.region.name}
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
