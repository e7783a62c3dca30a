import { useLazyQuery } from '@apollo/client/react';
import { type KeyboardEvent, type Ref, useEffect, useState } from 'react';
import { humanize } from '../../format.ts';
import { graphql } from '../../gql';

const SEARCH_DELAY_MS = 200;

const OrganisationPickerQuery = graphql(`
  query OrganisationPickerQuery($query: String!) {
    search(query: $query, first: 8, types: [ORGANISATION]) {
      name
      node {
        __typename
        id
        ... on Organisation {
          key
          kind
          country
        }
      }
    }
  }
`);

export type PickedOrganisation = { id: string; name: string };

/**
 * An organisation chosen by name, as an ARIA combobox (the global search's pattern): typing
 * searches, arrows move through the hits, Enter or a click picks one. Only a picked hit is a
 * value; typed text alone is not.
 */
export function OrganisationPicker({
  value,
  onChange,
  exclude,
  control,
  inputRef,
}: {
  value: PickedOrganisation | null;
  onChange: (picked: PickedOrganisation | null) => void;
  /** Organisations already members: shown, but not offered. */
  exclude: ReadonlySet<string>;
  control: { id: string; 'aria-describedby'?: string; 'aria-invalid'?: boolean };
  /** The form library focuses the input when its error is the first. */
  inputRef?: Ref<HTMLInputElement>;
}) {
  const listId = `${control.id}-hits`;
  const [text, setText] = useState(value?.name ?? '');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [search, { data, loading }] = useLazyQuery(OrganisationPickerQuery);

  useEffect(() => {
    const query = text.trim();
    if (!query || query === value?.name) return;
    const timer = window.setTimeout(() => void search({ variables: { query } }), SEARCH_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [text, value, search]);

  const hits = text.trim()
    ? (data?.search ?? []).flatMap((hit) =>
        hit.node.__typename === 'Organisation' ? [{ ...hit, node: hit.node }] : [],
      )
    : [];
  const expanded = open && text.trim() !== '' && text !== value?.name;
  const pick = (index: number) => {
    const hit = hits[index];
    if (!hit || exclude.has(hit.node.id)) return;
    onChange({ id: hit.node.id, name: hit.name });
    setText(hit.name);
    setOpen(false);
    setActive(-1);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((index) => (hits.length === 0 ? -1 : (index + step + hits.length) % hits.length));
    } else if (event.key === 'Escape') {
      setOpen(false);
      setActive(-1);
    } else if (event.key === 'Enter' && expanded) {
      // Enter picks the active hit instead of sending the form with nothing picked.
      event.preventDefault();
      pick(Math.max(active, 0));
    }
  };
  const optionId = (index: number) => `${listId}-${index}`;
  return (
    <div className="picker">
      <input
        {...control}
        ref={inputRef}
        type="text"
        role="combobox"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
        autoComplete="off"
        placeholder="Type a name…"
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setOpen(true);
          setActive(-1);
          if (value) onChange(null);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
        data-testid="organisation-picker"
      />
      <div className="picker__popup" hidden={!expanded}>
        <div id={listId} role="listbox" aria-label="Organisations found" className="picker__hits">
          {hits.map((hit, index) => {
            const member = exclude.has(hit.node.id);
            return (
              <div
                key={hit.node.id}
                id={optionId(index)}
                role="option"
                tabIndex={-1}
                aria-selected={index === active}
                aria-disabled={member || undefined}
                className="picker__hit"
                data-testid="organisation-hit"
                onMouseDown={(event) => {
                  event.preventDefault();
                  pick(index);
                }}
              >
                <span>{hit.name}</span>
                <span className="subtle">
                  {humanize(hit.node.kind)}
                  {hit.node.country ? ` · ${hit.node.country}` : ''}
                  {member ? ' · already a member' : ''}
                </span>
              </div>
            );
          })}
        </div>
        <p className="picker__status" aria-live="polite">
          {loading
            ? 'Searching…'
            : hits.length === 0
              ? 'No organisation of that name.'
              : `${hits.length} found.`}
        </p>
      </div>
    </div>
  );
}
