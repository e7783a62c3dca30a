import { useMemo, useState } from 'react';
import { type FragmentType, getFragmentData, graphql } from '../gql';
import { clusterPath, Link } from '../routing.tsx';
import { cooperationElements } from './cooperation-elements.ts';
import { NetworkCanvas } from './NetworkCanvas.tsx';
import { NetworkLegend } from './NetworkLegend.tsx';
import type { NetworkNodeData } from './stylesheet.ts';

/*
 * Page sizes match the ones the cluster view asks for the same fields (one request, one
 * selection per field). The network says so when a list is longer than the page.
 */
export const CooperationNetwork_cluster = graphql(`
  fragment CooperationNetwork_cluster on Cluster {
    id
    name
    acronym
    managedBy {
      id
      name
      acronym
    }
    members(first: 20) {
      totalCount
      edges {
        node {
          id
          name
          acronym
        }
      }
    }
    projects {
      id
      code
      acronym
      title
      participants(first: 10) {
        totalCount
        edges {
          node {
            id
            name
            acronym
          }
        }
      }
      clusters {
        id
        name
        acronym
      }
    }
    partnerships {
      id
      name
      kind
      partners {
        id
        name
        acronym
      }
      clusters {
        id
        name
        acronym
      }
    }
  }
`);

/** The cluster, who runs it, its members, its projects with their partners, and its partnerships. */
export function CooperationNetwork(props: { cluster: FragmentType<typeof CooperationNetwork_cluster> }) {
  const cluster = getFragmentData(CooperationNetwork_cluster, props.cluster);
  const network = useMemo(() => cooperationElements(cluster), [cluster]);
  const [selected, setSelected] = useState<NetworkNodeData | null>(null);

  return (
    <div className="network">
      <NetworkCanvas
        elements={network.elements}
        focusId={cluster.id}
        onSelectNode={setSelected}
        label={`Cooperation network of ${cluster.name}`}
      />
      <div className="network__footer">
        <NetworkLegend labels={network.labels} />
        <p className="network__selection" aria-live="polite">
          {selected ? (
            <>
              <span className="network__selection-type">{selected.type}</span> {selected.name}
              {selected.type === 'Cluster' && selected.id !== cluster.id && (
                <>
                  {' '}
                  · <Link href={clusterPath(selected.id)}>open</Link>
                </>
              )}
            </>
          ) : (
            <span className="muted">Select a node to see its full name. Drag to move, scroll to zoom.</span>
          )}
        </p>
      </div>
      {network.truncated.length > 0 && (
        <p className="muted small">Partly shown: {network.truncated.join('; ')}.</p>
      )}
    </div>
  );
}
