import { formatCount } from '../format.ts';
import { type FragmentType, getFragmentData, graphql } from '../gql';
import { clusterPath, Link } from '../routing.tsx';
import { ExcellenceLabels } from './ExcellenceLabels.tsx';
import { RegionCell } from './RegionCell.tsx';
import { SectorChips } from './SectorChips.tsx';

export const ClusterRow_cluster = graphql(`
  fragment ClusterRow_cluster on Cluster {
    id
    name
    nameLocal
    acronym
    synthetic
    declaredMemberCount
    members(first: 0) {
      totalCount
    }
    sectors {
      ...SectorChips_sectors
    }
    labels {
      ...ExcellenceLabels_labels
    }
    ...RegionCell_cluster
  }
`);

export function ClusterRow(props: { cluster: FragmentType<typeof ClusterRow_cluster> }) {
  const cluster = getFragmentData(ClusterRow_cluster, props.cluster);
  return (
    <tr data-testid="cluster-row">
      <td>
        <Link href={clusterPath(cluster.id)} className="cluster-name" data-testid="cluster-name">
          {cluster.name}
        </Link>
        {cluster.acronym && cluster.acronym !== cluster.name && (
          <span className="acronym">{cluster.acronym}</span>
        )}
        {cluster.synthetic && <span className="badge badge--synthetic">synthetic</span>}
        {cluster.nameLocal && <div className="subtle">{cluster.nameLocal}</div>}
      </td>
      <td>
        <RegionCell cluster={cluster} />
      </td>
      <td>
        <SectorChips sectors={cluster.sectors} />
      </td>
      <td className="numeric" data-testid="declared-members">
        {cluster.declaredMemberCount == null ? (
          <span className="muted">—</span>
        ) : (
          formatCount(cluster.declaredMemberCount)
        )}
      </td>
      <td className="numeric" data-testid="graph-members">
        {formatCount(cluster.members.totalCount)}
      </td>
      <td>
        <ExcellenceLabels labels={cluster.labels} />
      </td>
    </tr>
  );
}
