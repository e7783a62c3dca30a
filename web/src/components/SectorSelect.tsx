import { type FragmentType, getFragmentData, graphql } from '../gql';
import { SelectFilter } from './Filters.tsx';

export const SectorSelect_query = graphql(`
  fragment SectorSelect_query on Query {
    sectors(first: 100, orderBy: NAME_ASC) {
      edges {
        node {
          code
          name
        }
      }
    }
  }
`);

/** The sector facet: the sectors of the graph, by name. */
export function SectorSelect(props: {
  query: FragmentType<typeof SectorSelect_query> | undefined;
  value: string;
  onChange: (code: string) => void;
}) {
  const sectors =
    getFragmentData(SectorSelect_query, props.query)?.sectors.edges.map((edge) => edge.node) ?? [];
  return (
    <SelectFilter
      label="Sector"
      value={props.value}
      options={sectors.map((sector) => ({ value: sector.code, text: sector.name }))}
      onChange={props.onChange}
      testId="sector-filter"
    />
  );
}
