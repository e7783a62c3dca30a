import { humanize } from '../format.ts';
import { type FragmentType, getFragmentData, graphql } from '../gql';
import { EntityLink } from './EntityLink.tsx';

export const PartnershipList_partnerships = graphql(`
  fragment PartnershipList_partnerships on Partnership {
    id
    key
    name
    kind
    signedOn
    partners {
      id
      name
      acronym
    }
    clusters {
      id
      name
    }
  }
`);

export function PartnershipList(props: {
  partnerships: readonly FragmentType<typeof PartnershipList_partnerships>[];
  clusterId: string;
}) {
  const partnerships = getFragmentData(PartnershipList_partnerships, props.partnerships);
  if (partnerships.length === 0) return <p className="muted">No partnership is recorded.</p>;
  return (
    <ul className="item-list">
      {partnerships.map((partnership) => {
        const others = [
          ...partnership.clusters.filter((cluster) => cluster.id !== props.clusterId).map((c) => c.name),
          ...partnership.partners.map((partner) => partner.acronym ?? partner.name),
        ];
        return (
          <li key={partnership.id} className="item">
            <div className="item__title">
              <EntityLink label="Partnership" entityKey={partnership.key}>
                {partnership.name}
              </EntityLink>
            </div>
            <div className="item__meta">
              <span className="tag">{humanize(partnership.kind)}</span>
              {partnership.signedOn && <span>signed {partnership.signedOn}</span>}
              {others.length > 0 && <span>with {others.join(', ')}</span>}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
