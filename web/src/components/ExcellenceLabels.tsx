import { type FragmentType, getFragmentData, graphql } from '../gql';

export const ExcellenceLabels_labels = graphql(`
  fragment ExcellenceLabels_labels on ClusterLabel {
    level
    issuer
    awardedOn
    validUntil
  }
`);

const MEDAL_LEVELS = new Set(['bronze', 'silver', 'gold']);

export function ExcellenceLabels(props: { labels: readonly FragmentType<typeof ExcellenceLabels_labels>[] }) {
  const labels = getFragmentData(ExcellenceLabels_labels, props.labels);
  if (labels.length === 0) return <span className="muted">—</span>;
  return (
    <ul className="chips">
      {labels.map((label) => {
        const level = label.level.toLowerCase();
        const when = [
          label.awardedOn && `awarded ${label.awardedOn}`,
          label.validUntil && `valid until ${label.validUntil}`,
        ]
          .filter(Boolean)
          .join(', ');
        return (
          <li
            key={`${label.issuer ?? ''}-${label.level}-${label.awardedOn ?? ''}`}
            className={`medal ${MEDAL_LEVELS.has(level) ? `medal--${level}` : ''}`}
            title={when || undefined}
          >
            {label.issuer ? `${label.issuer} ` : ''}
            {label.level}
          </li>
        );
      })}
    </ul>
  );
}
