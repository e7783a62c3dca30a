import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { entityPath, isEntityLabel } from '../app/paths.ts';
import { type FragmentType, getFragmentData, graphql } from '../gql';
import { cooperationElements } from './cooperation-elements.ts';
import { NetworkCanvas } from './NetworkCanvas.tsx';
import { NetworkLegend } from './NetworkLegend.tsx';
import type { NetworkNodeData } from './stylesheet.ts';

/*
 * Page sizes match the ones the cluster view asks for the same fields (one request, one
 * selection per field): the API's largest page, so every member of a curated cluster is drawn.
 * The network says so when a list is longer than the page.
 */
export const CooperationNetwork_cluster = graphql(`
  fragment CooperationNetwork_cluster on Cluster {
    id
    key
    name
    acronym
    managedBy {
      id
      key
      name
      acronym
    }
    members(first: 100) {
      totalCount
      edges {
        node {
          id
          key
          name
          acronym
        }
      }
    }
    projects {
      id
      key
      code
      acronym
      title
      participants(first: 100) {
        totalCount
        edges {
          node {
            id
            key
            name
            acronym
          }
        }
      }
      clusters {
        id
        key
        name
        acronym
      }
    }
    partnerships {
      id
      key
      name
      kind
      partners {
        id
        key
        name
        acronym
      }
      clusters {
        id
        key
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
              {isEntityLabel(selected.type) && selected.id !== cluster.id && (
                <>
                  {' '}
                  · <Link to={entityPath(selected.type, selected.key)}>open its page</Link>
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
