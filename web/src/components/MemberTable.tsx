import { formatCount, humanize } from '../format.ts';
import { type FragmentType, getFragmentData, graphql } from '../gql';
import { EntityLink } from './EntityLink.tsx';

export const MemberTable_members = graphql(`
  fragment MemberTable_members on ClusterMemberConnection {
    totalCount
    edges {
      role
      since
      node {
        id
        key
        name
        acronym
        kind
        country
      }
    }
  }
`);

export function MemberTable(props: {
  members: FragmentType<typeof MemberTable_members>;
  declaredMemberCount: number | null;
}) {
  const members = getFragmentData(MemberTable_members, props.members);
  const declared = props.declaredMemberCount;
  return (
    <>
      <p className="muted small">
        {formatCount(members.totalCount)} in the graph
        {declared != null && ` of ${formatCount(declared)} the sources declare`}
        {members.totalCount > members.edges.length && ` (first ${members.edges.length} shown)`}.
      </p>
      {members.edges.length > 0 && (
        <table className="data-table data-table--compact">
          <thead>
            <tr>
              <th scope="col">Organisation</th>
              <th scope="col">Kind</th>
              <th scope="col">Role</th>
              <th scope="col">Since</th>
            </tr>
          </thead>
          <tbody>
            {members.edges.map(({ node, role, since }) => (
              <tr key={node.id}>
                <td>
                  <EntityLink label="Organisation" entityKey={node.key}>
                    {node.name}
                  </EntityLink>
                  {node.acronym && <span className="acronym">{node.acronym}</span>}
                </td>
                <td>{humanize(node.kind)}</td>
                <td>{role ?? <span className="muted">—</span>}</td>
                <td>{since ?? <span className="muted">—</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
