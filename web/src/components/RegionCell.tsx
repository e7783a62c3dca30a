import { type FragmentType, getFragmentData, graphql } from '../gql';

export const RegionCell_cluster = graphql(`
  fragment RegionCell_cluster on Cluster {
    region {
      code
      name
    }
    locatedIn {
      region {
        code
        name
      }
    }
  }
`);

/**
 * The region the sources agree on; "disputed" with every claim when they place the cluster in
 * different regions (the API keeps each claim and picks none).
 */
export function RegionCell(props: { cluster: FragmentType<typeof RegionCell_cluster> }) {
  const { region, locatedIn } = getFragmentData(RegionCell_cluster, props.cluster);
  if (region) {
    return (
      <span className="region">
        <code className="region__code">{region.code}</code> {region.name}
      </span>
    );
  }
  if (locatedIn.length > 1) {
    const claims = locatedIn.map((claim) => `${claim.region.code} ${claim.region.name}`);
    return (
      <div className="region region--disputed">
        <span className="badge badge--warning" title={`Sources disagree: ${claims.join(', ')}`}>
          disputed
        </span>
        <ul className="region__claims">
          {claims.map((claim) => (
            <li key={claim}>{claim}</li>
          ))}
        </ul>
      </div>
    );
  }
  return <span className="muted">—</span>;
}
