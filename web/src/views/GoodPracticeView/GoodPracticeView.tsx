import { RelatedList } from '../../components/EntityLink.tsx';
import { EntityHeader, PendingEntity } from '../../components/EntityPage.tsx';
import { HistorySection } from '../../components/HistorySection.tsx';
import { Fact, Section } from '../../components/Section.tsx';
import { SourceList } from '../../components/SourceList.tsx';
import { graphql } from '../../gql';
import { useNodeQuery } from '../../hooks/useNodeQuery.ts';

const GoodPracticeQuery = graphql(`
  query GoodPracticeQuery($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on GoodPractice {
        key
        name
        serviceType
        description
        evaluation
        synthetic
        identifiedIn {
          id
          key
          title
        }
        originatesFrom {
          id
          key
          name
        }
        testedBy {
          how
          organisation {
            id
            key
            name
          }
        }
        sources {
          ...SourceList_sources
        }
      }
    }
  }
`);

/** The API gives each evaluation line as a JSON object {attribute, value}. */
function evaluationRows(lines: readonly string[]): { attribute: string; value: string }[] {
  return lines.map((line) => {
    try {
      const parsed = JSON.parse(line) as { attribute?: unknown; value?: unknown };
      return { attribute: String(parsed.attribute ?? ''), value: String(parsed.value ?? '') };
    } catch {
      return { attribute: '', value: line };
    }
  });
}

export function GoodPracticeView() {
  const state = useNodeQuery(GoodPracticeQuery, 'GoodPractice');
  if (state.status !== 'ready') return <PendingEntity label="GoodPractice" state={state} />;
  const practice = state.node;
  const evaluation = evaluationRows(practice.evaluation);
  return (
    <article className="entity-view">
      <EntityHeader
        label="GoodPractice"
        title={practice.name}
        synthetic={practice.synthetic}
        testId="entity-title"
      />
      <div className="cluster-layout">
        <div className="cluster-layout__aside">
          <Section title="Facts">
            <dl className="facts">
              <Fact term="Service type">{practice.serviceType}</Fact>
            </dl>
            {practice.description && <p className="description">{practice.description}</p>}
          </Section>
          <Section title="Sources" count={practice.sources.length} testId="entity-sources">
            <SourceList sources={practice.sources} />
          </Section>
          <HistorySection nodeId={practice.id} />
        </div>
        <div className="cluster-layout__main">
          <Section title="Evaluation" count={evaluation.length}>
            {evaluation.length === 0 ? (
              <p className="muted">No evaluation is recorded.</p>
            ) : (
              <dl className="facts">
                {evaluation.map((row) => (
                  <Fact key={`${row.attribute}:${row.value}`} term={row.attribute}>
                    {row.value}
                  </Fact>
                ))}
              </dl>
            )}
          </Section>
          <Section title="Originates from" count={practice.originatesFrom.length}>
            <RelatedList
              label="Organisation"
              items={practice.originatesFrom}
              empty="No organisation is recorded."
            />
          </Section>
          <Section title="Tested by" count={practice.testedBy.length}>
            <RelatedList
              label="Organisation"
              items={practice.testedBy.map((test) => ({
                key: test.organisation.key,
                name: test.organisation.name,
                note: test.how,
              }))}
              empty="No test is recorded."
            />
          </Section>
          <Section title="Identified in" count={practice.identifiedIn.length}>
            <RelatedList
              label="Project"
              items={practice.identifiedIn.map((project) => ({ key: project.key, name: project.title }))}
              empty="No project is recorded."
            />
          </Section>
        </div>
      </div>
    </article>
  );
}
