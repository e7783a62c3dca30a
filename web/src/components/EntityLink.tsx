import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { type EntityLabel, entityPath, isEntityLabel } from '../app/paths.ts';

/** A link to an entity's page, by its type and graph key. */
export function EntityLink({
  label,
  entityKey,
  children,
  className,
  testId,
}: {
  label: EntityLabel;
  entityKey: string;
  children: ReactNode;
  className?: string;
  testId?: string;
}) {
  return (
    <Link to={entityPath(label, entityKey)} className={className} data-testid={testId}>
      {children}
    </Link>
  );
}

/** A node of any type (a search hit, a network node): a link where the type has a page. */
export function AnyEntityLink({
  typename,
  entityKey,
  children,
}: {
  typename: string;
  entityKey: string;
  children: ReactNode;
}) {
  if (!isEntityLabel(typename)) return <span>{children}</span>;
  return (
    <EntityLink label={typename} entityKey={entityKey}>
      {children}
    </EntityLink>
  );
}

/** Related entities as a list of links; says so when there is none. */
export function RelatedList({
  label,
  items,
  empty,
  testId,
}: {
  label: EntityLabel;
  items: readonly { key: string; name: string; note?: ReactNode }[];
  empty: string;
  testId?: string;
}) {
  if (items.length === 0) return <p className="muted">{empty}</p>;
  return (
    <ul className="related" data-testid={testId}>
      {items.map((item) => (
        <li key={item.key}>
          <EntityLink label={label} entityKey={item.key}>
            {item.name}
          </EntityLink>
          {item.note && <span className="subtle"> {item.note}</span>}
        </li>
      ))}
    </ul>
  );
}
