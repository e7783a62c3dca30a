import { useQuery } from '@apollo/client/react';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { entityPath } from '../../app/paths.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Skeleton } from '../../components/Skeleton.tsx';
import { formatCount, humanize } from '../../format.ts';
import { graphql } from '../../gql';
import type { MemberNetworkQueryQuery } from '../../gql/graphql.ts';
import { ExplorerCanvas } from '../../graph/ExplorerCanvas.tsx';
import { type ExplorerEdge, type ExplorerNode, encodeNodes } from '../../graph/encodings.ts';
import { ShapeSwatch } from '../../graph/ShapeSwatch.tsx';

/*
 * Every member (the API's largest page, 100: the network says when a cluster has more) and the
 * ties among them: the projects members share with each other, from the network analytics.
 */
const MemberNetworkQuery = graphql(`
  query MemberNetworkQuery($id: ID!) {
    node(id: $id) {
      id
      ... on Cluster {
        members(first: 100) {
          totalCount
          edges {
            node {
              id
              key
              name
              kind
              region {
                code
              }
            }
          }
        }
      }
    }
    network(filter: { clusterId: $id }, first: 20000, metrics: [DEGREE, WEIGHTED_DEGREE, BETWEENNESS, LOUVAIN]) {
      nodes {
        key
        degree
        weightedDegree
        betweenness
        community
      }
      edges {
        source
        target
        weight
        projectCount
        explanation
        from
        to
      }
    }
  }
`);

const NO_VIEWPORT = null;
const NO_BROKERS = new Set<string>();
const ignore = () => {};

/** A cluster's members tied by the projects they share: who in the cluster works with whom. */
export function MemberNetwork({ clusterId, clusterName }: { clusterId: string; clusterName: string }) {
  const { data, error, refetch } = useQuery(MemberNetworkQuery, { variables: { id: clusterId } });
  const answer = data as MemberNetworkQueryQuery | undefined;
  const [selected, setSelected] = useState<string | null>(null);
  const members = answer?.node && 'members' in answer.node ? answer.node.members : undefined;
  const { nodes, edges } = useMemo(() => {
    const metrics = new Map(answer?.network.nodes.map((node) => [node.key, node]) ?? []);
    const nodes: ExplorerNode[] = (members?.edges ?? []).map(({ node: member }) => {
      const measured = metrics.get(member.key);
      return {
        key: member.key,
        id: member.id,
        label: member.name,
        kind: 'ORGANISATION',
        organisationKind: member.kind,
        regionCode: member.region?.code ?? null,
        memberCount: 1,
        degree: measured?.degree ?? 0,
        weightedDegree: measured?.weightedDegree ?? 0,
        betweenness: measured?.betweenness ?? 0,
        pagerank: null,
        community: measured?.community ?? null,
        component: null,
        brokerage: null,
      };
    });
    const shown = new Set(nodes.map((node) => node.key));
    const edges: ExplorerEdge[] = (answer?.network.edges ?? []).filter(
      (edge) => shown.has(edge.source) && shown.has(edge.target),
    );
    return { nodes, edges };
  }, [answer, members]);
  const encoded = useMemo(() => encodeNodes(nodes, 'organisationKind', 'weightedDegree', humanize), [nodes]);

  if (error) return <ErrorNotice what="The members’ network" error={error} onRetry={() => void refetch()} />;
  if (!answer || !members) return <Skeleton label="Loading the members’ ties…" lines={3} />;
  if (nodes.length === 0) return <p className="muted">No members in the graph.</p>;
  const node = selected ? nodes.find((candidate) => candidate.key === selected) : undefined;
  const ties = selected ? edges.filter((edge) => edge.source === selected || edge.target === selected) : [];
  const tied = new Set(edges.flatMap((edge) => [edge.source, edge.target]));
  return (
    <div className="network">
      <p className="table-summary" data-testid="member-network-summary">
        {formatCount(nodes.length)} members, {formatCount(edges.length)} ties between them (shared projects);{' '}
        {formatCount(nodes.length - tied.size)} members share no project with another member
        {members.totalCount > nodes.length &&
          ` · the first ${nodes.length} of ${members.totalCount} members drawn`}
        .
      </p>
      <ExplorerCanvas
        nodes={nodes}
        edges={edges}
        looks={encoded.looks}
        brokers={NO_BROKERS}
        selected={selected}
        initialViewport={NO_VIEWPORT}
        label={`Members of ${clusterName} and the projects they share; the member table lists the same organisations`}
        testId="cooperation-network"
        onSelect={setSelected}
        onViewport={ignore}
        onReady={ignore}
      />
      <ul className="legend" aria-label="Legend">
        {encoded.legend.map((entry) => (
          <li key={entry.text} className="legend__item">
            <ShapeSwatch shape={entry.shape} colour={entry.colour} />
            {entry.text} <span className="muted">({entry.count})</span>
          </li>
        ))}
        <li className="legend__item muted">Size: shared projects with other members</li>
      </ul>
      <div className="network__selection" aria-live="polite" data-testid="member-selection">
        {node ? (
          <>
            <strong>{node.label}</strong> · {ties.length} members share projects with it ·{' '}
            <Link to={entityPath('Organisation', node.key)}>open its page</Link>
            <ul className="item-list">
              {ties.map((edge) => {
                const other = edge.source === node.key ? edge.target : edge.source;
                return (
                  <li key={other}>
                    {nodes.find((candidate) => candidate.key === other)?.label ?? other}:{' '}
                    <span className="subtle">{edge.explanation}</span>
                  </li>
                );
              })}
            </ul>
          </>
        ) : (
          <span className="muted">Select a member to see whom in the cluster it works with.</span>
        )}
      </div>
    </div>
  );
}
