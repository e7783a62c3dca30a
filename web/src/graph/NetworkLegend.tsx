import type { NodeLabel } from '@clustergraph/schema';
import { nodeLooks } from './stylesheet.ts';

const WORDS: Partial<Record<NodeLabel, string>> = {
  ValueChainStage: 'Value-chain stage',
  PilotAction: 'Pilot action',
  GoodPractice: 'Good practice',
};

export function NetworkLegend({ labels }: { labels: readonly NodeLabel[] }) {
  return (
    <ul className="legend" aria-label="Legend">
      {labels.map((label) => (
        <li key={label} className="legend__item">
          <span className="legend__swatch" style={{ backgroundColor: nodeLooks[label].color }} />
          {WORDS[label] ?? label}
        </li>
      ))}
    </ul>
  );
}
