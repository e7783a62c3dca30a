import type { ReactNode } from 'react';
import { formatCount } from '../format.ts';

export function Section({
  title,
  count,
  children,
  testId,
}: {
  title: string;
  count?: number;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <section className="card" data-testid={testId} aria-label={title}>
      <h2 className="card__title">
        {title}
        {count !== undefined && <span className="count">{formatCount(count)}</span>}
      </h2>
      {children}
    </section>
  );
}

/** One fact of an entity; an absent value says "not stated" rather than leaving a gap. */
export function Fact({ term, children }: { term: string; children: ReactNode }) {
  const absent =
    children === null ||
    children === undefined ||
    children === '' ||
    (Array.isArray(children) && children.length === 0);
  return (
    <div className="fact">
      <dt>{term}</dt>
      <dd>{absent ? <span className="muted">not stated</span> : children}</dd>
    </div>
  );
}

/** Text items a source lists (objectives, results, action areas). */
export function TextList({ items, empty }: { items: readonly string[]; empty: string }) {
  if (items.length === 0) return <p className="muted">{empty}</p>;
  return (
    <ul className="text-list">
      {items.map((item) => (
        <li key={item}>{item}</li>
      ))}
    </ul>
  );
}
