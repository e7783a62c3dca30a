import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

/**
 * Filters held in the query string, so a filtered list can be shared and survives "back".
 * `defaults` names the parameters and their values when absent; values equal to the default are
 * left out of the URL. A change replaces the history entry: typing a filter is not a page change.
 */
export function useUrlFilters<Shape extends Record<string, string | string[]>>(defaults: Shape) {
  const [params, setParams] = useSearchParams();
  const values = useMemo(() => {
    const read: Record<string, string | string[]> = {};
    for (const [name, fallback] of Object.entries(defaults)) {
      read[name] = Array.isArray(fallback) ? params.getAll(name) : (params.get(name) ?? fallback);
    }
    return read as Shape;
  }, [params, defaults]);

  const update = useCallback(
    (change: Partial<Shape>) =>
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          for (const [name, value] of Object.entries(change)) {
            next.delete(name);
            if (value === undefined) continue;
            const fallback = defaults[name];
            if (Array.isArray(value)) for (const item of value) next.append(name, item);
            else if (value !== fallback && value !== '') next.set(name, value);
          }
          // A new filter starts from the first page.
          if (!('page' in change)) next.delete('page');
          return next;
        },
        { replace: true },
      ),
    [setParams, defaults],
  );
  return [values, update] as const;
}
