import { EntityLink, RelatedList } from '../../components/EntityLink.tsx';
import { EntityHeader, PendingEntity } from '../../components/EntityPage.tsx';
import { HistorySection } from '../../components/HistorySection.tsx';
import { RegionClaims } from '../../components/RegionClaims.tsx';
import { Fact, Section, TextList } from '../../components/Section.tsx';
import { SourceList } from '../../components/SourceList.tsx';
import { formatMoney, formatPeriod, humanize } from '../../format.ts';
import { graphql } from '../../gql';
import { useNodeQuery } from '../../hooks/useNodeQuery.ts';

const PilotActionQuery = graphql(`
  query PilotActionQuery($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on PilotAction {
        key
        title
        level
        description
        startDate
        endDate
        budgetAmount
        budgetCurrency
        objectives
        synthetic
        region {
          ...RegionClaims_region
        }
        programme {
          id
          key
          name
        }
        project {
          id
          key
          title
        }
        proposedBy {
          id
          key
          name
        }
        addresses {
          id
          key
          text
          kind
        }
        sources {
          ...SourceList_sources
        }
      }
    }
  }
`);

export function PilotActionView() {
  const state = useNodeQuery(PilotActionQuery, 'PilotAction');
  if (state.status !== 'ready') return <PendingEntity label="PilotAction" state={state} />;
  const action = state.node;
  return (
    <article className="entity-view">
      <EntityHeader
        label="PilotAction"
        title={action.title}
        synthetic={action.synthetic}
        testId="entity-title"
      />
      <div className="cluster-layout">
        <div className="cluster-layout__aside">
          <Section title="Facts">
            <dl className="facts">
              <Fact term="Level">{humanize(action.level)}</Fact>
              <Fact term="Period">{formatPeriod(action.startDate, action.endDate)}</Fact>
              <Fact term="Budget">
                {action.budgetAmount != null && formatMoney(action.budgetAmount, action.budgetCurrency)}
              </Fact>
              <Fact term="Region">
                {action.region && <RegionClaims region={action.region} claims={[]} />}
              </Fact>
              <Fact term="Programme">
                {action.programme && (
                  <EntityLink label="Programme" entityKey={action.programme.key}>
                    {action.programme.name}
                  </EntityLink>
                )}
              </Fact>
              <Fact term="Project">
                {action.project && (
                  <EntityLink label="Project" entityKey={action.project.key}>
                    {action.project.title}
                  </EntityLink>
                )}
              </Fact>
            </dl>
            {action.description && <p className="description">{action.description}</p>}
          </Section>
          <Section title="Sources" count={action.sources.length} testId="entity-sources">
            <SourceList sources={action.sources} />
          </Section>
          <HistorySection nodeId={action.id} />
        </div>
        <div className="cluster-layout__main">
          <Section title="Proposed by" count={action.proposedBy.length}>
            <RelatedList label="Organisation" items={action.proposedBy} empty="No proposer is recorded." />
          </Section>
          <Section title="Needs it addresses" count={action.addresses.length}>
            <RelatedList
              label="Need"
              items={action.addresses.map((need) => ({
                key: need.key,
                name: need.text,
                note: humanize(need.kind),
              }))}
              empty="No need is recorded."
            />
          </Section>
          <Section title="Objectives" count={action.objectives.length}>
            <TextList items={action.objectives} empty="No objective is stated." />
          </Section>
        </div>
      </div>
    </article>
  );
}
