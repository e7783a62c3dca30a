import { type FragmentType, getFragmentData, graphql } from '../gql';

/**
 * Countries, macro-regions and development regions: the levels clusters are usually placed at
 * (the curated graph has 46 of them). Kept lean: the API prices every field of every edge.
 */
export const RegionSelect_query = graphql(`
  fragment RegionSelect_query on Query {
    regions(first: 50, filter: { levels: [0, 1, 2] }, orderBy: CODE_ASC) {
      edges {
        node {
          code
          name
          level
        }
      }
    }
  }
`);

export function RegionSelect(props: {
  query: FragmentType<typeof RegionSelect_query> | undefined;
  value: string;
  onChange: (code: string) => void;
}) {
  const regions =
    getFragmentData(RegionSelect_query, props.query)?.regions.edges.map((edge) => edge.node) ?? [];
  return (
    <label className="field">
      <span className="field__label">Region</span>
      <select
        value={props.value}
        onChange={(event) => props.onChange(event.target.value)}
        data-testid="region-filter"
      >
        <option value="">All regions</option>
        {/* Keeps a region chosen from the URL visible before the list arrives. */}
        {props.value && !regions.some((region) => region.code === props.value) && (
          <option value={props.value}>{props.value}</option>
        )}
        {regions.map((region) => (
          <option key={region.code} value={region.code}>
            {'\u00a0\u00a0'.repeat(region.level)}
            {region.code} · {region.name}
          </option>
        ))}
      </select>
    </label>
  );
}
