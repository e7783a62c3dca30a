import { useLazyQuery } from '@apollo/client/react';
import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { entityPath, isEntityLabel } from '../app/paths.ts';
import { humanize } from '../format.ts';
import { graphql } from '../gql';

const SEARCH_DELAY_MS = 200;
const HITS_SHOWN = 8;

export const SearchBoxQuery = graphql(`
  query SearchBoxQuery($query: String!, $first: Int!) {
    search(query: $query, first: $first, synthetic: false) {
      name
      type
      score
      node {
        __typename
        id
        ... on Cluster {
          key
        }
        ... on Organisation {
          key
        }
        ... on Project {
          key
        }
        ... on Programme {
          key
        }
        ... on Region {
          key
        }
        ... on Sector {
          key
        }
        ... on ValueChainStage {
          key
        }
        ... on Need {
          key
        }
        ... on PilotAction {
          key
        }
        ... on GoodPractice {
          key
        }
        ... on Partnership {
          key
        }
      }
    }
  }
`);

/** The path of a hit's page, when its type has one. */
export function hitPath(node: { __typename: string; key?: string }): string | null {
  return isEntityLabel(node.__typename) && node.key ? entityPath(node.__typename, node.key) : null;
}

/**
 * The global search: every type the API's `search` finds, as an ARIA combobox (WAI-ARIA APG
 * "list autocomplete"): arrows move through the hits, Enter opens the active one (or every hit
 * on the search page), Escape closes the list.
 */
export function SearchBox() {
  const navigate = useNavigate();
  const listId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [search, { data, loading, error }] = useLazyQuery(SearchBoxQuery);

  useEffect(() => {
    const query = text.trim();
    if (!query) return;
    const timer = window.setTimeout(
      () => void search({ variables: { query, first: HITS_SHOWN } }),
      SEARCH_DELAY_MS,
    );
    return () => window.clearTimeout(timer);
  }, [text, search]);

  const hits = text.trim() ? (data?.search ?? []).filter((hit) => hitPath(hit.node)) : [];
  const expanded = open && text.trim() !== '';

  const go = (path: string) => {
    setOpen(false);
    setActive(-1);
    setText('');
    void navigate(path);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setOpen(true);
      setActive((index) => (hits.length === 0 ? -1 : (index + 1) % hits.length));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      setActive((index) => (hits.length === 0 ? -1 : (index - 1 + hits.length) % hits.length));
    } else if (event.key === 'Escape') {
      if (expanded) setOpen(false);
      else setText('');
      setActive(-1);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const hit = hits[active];
      const path = hit ? hitPath(hit.node) : null;
      if (path) go(path);
      else if (text.trim()) go(`/search?q=${encodeURIComponent(text.trim())}`);
    }
  };

  const optionId = (index: number) => `${listId}-hit-${index}`;
  return (
    <search className="global-search" aria-label="Everything in the graph">
      <label className="visually-hidden" htmlFor={`${listId}-input`}>
        Search everything
      </label>
      <input
        ref={input}
        id={`${listId}-input`}
        type="search"
        role="combobox"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
        placeholder="Search organisations, clusters, projects, regions…"
        autoComplete="off"
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
        data-testid="global-search"
      />
      <div className="global-search__popup" hidden={!expanded}>
        <div id={listId} role="listbox" aria-label="Search hits" className="global-search__hits">
          {hits.map((hit, index) => (
            <div
              key={hit.node.id}
              id={optionId(index)}
              role="option"
              // Focus stays in the input (aria-activedescendant); -1 only makes the option clickable for assistive tech.
              tabIndex={-1}
              aria-selected={index === active}
              className="global-search__hit"
              data-testid="search-hit"
              // Chosen before the input's blur closes the list.
              onMouseDown={(event) => {
                event.preventDefault();
                const path = hitPath(hit.node);
                if (path) go(path);
              }}
            >
              <span className="global-search__name">{hit.name}</span>
              <span className="global-search__type">{humanize(hit.type)}</span>
            </div>
          ))}
        </div>
        <p className="global-search__status" aria-live="polite">
          {error
            ? `Search failed: ${error.message}`
            : loading
              ? 'Searching…'
              : hits.length === 0
                ? 'Nothing found.'
                : `${hits.length} hit${hits.length === 1 ? '' : 's'}; Enter on none shows every hit.`}
        </p>
      </div>
    </search>
  );
}
