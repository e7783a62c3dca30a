import { type FragmentType, getFragmentData, graphql } from '../gql';

export const SourceList_sources = graphql(`
  fragment SourceList_sources on Source {
    id
    document
    section
    kind
    reason
    synthetic
  }
`);

/** What a source is, in words a reader need not decode. */
function sourceKind(source: { kind: string; synthetic: boolean }): string {
  if (source.synthetic) return 'Synthetic: generated test data, not from any document';
  return source.kind === 'INFERENCE' ? "Curators' inference from the document" : 'Stated in the document';
}

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
          <span className="sources__file" data-testid="source-document">
            {document}
          </span>
          <ul className="sources__sections">
            {sections.map((source) => (
              <li key={source.id}>
                <span data-testid="source-section">{source.section}</span>
                <span className="sources__kind" data-testid="source-kind">
                  {sourceKind(source)}
                  {source.reason && `: ${source.reason}`}
                </span>
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}
