import { type FragmentType, getFragmentData, graphql } from '../gql';

export const SourceList_sources = graphql(`
  fragment SourceList_sources on Source {
    id
    document
    section
    synthetic
  }
`);

/** Where the facts come from, said plainly, and grouped by document so each file is opened once. */
export function SourceList(props: { sources: readonly FragmentType<typeof SourceList_sources>[] }) {
  const sources = getFragmentData(SourceList_sources, props.sources);
  if (sources.length === 0) return <p className="muted">No source is recorded.</p>;
  const byDocument = new Map<string, (typeof sources)[number][]>();
  for (const source of sources)
    byDocument.set(source.document, [...(byDocument.get(source.document) ?? []), source]);
  return (
    <ul className="sources" data-testid="sources">
      {[...byDocument].map(([document, sections]) => (
        <li key={document} className="sources__document">
          <span className="sources__kind" data-testid="source-kind">
            {sections.some((source) => source.synthetic)
              ? 'Synthetic: generated test data, not from any document'
              : 'Curated from a source document'}
          </span>
          <span className="sources__file" data-testid="source-document">
            {document}
          </span>
          <ul className="sources__sections">
            {sections.map((source) => (
              <li key={source.id} data-testid="source-section">
                {source.section}
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}
