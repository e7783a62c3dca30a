import { useEffect, useState } from 'react';
import { humanize } from '../format.ts';

const SEARCH_DELAY_MS = 250;

/**
 * The search box of a list: typing updates the URL after a pause, and the box follows the URL
 * when it changes from outside (a link back to the bare list), not while typing.
 */
export function SearchFilter({
  value,
  onChange,
  placeholder,
}: {
  value: string;
  onChange: (text: string) => void;
  placeholder: string;
}) {
  const [text, setText] = useState(value);
  const [valueShown, setValueShown] = useState(value);
  if (value !== valueShown) {
    setValueShown(value);
    if (value !== text.trim()) setText(value);
  }
  useEffect(() => {
    if (text.trim() === value) return;
    const timer = window.setTimeout(() => onChange(text.trim()), SEARCH_DELAY_MS);
    return () => window.clearTimeout(timer);
  });
  return (
    <label className="field field--grow">
      <span className="field__label">Search</span>
      <input
        type="search"
        placeholder={placeholder}
        value={text}
        onChange={(event) => setText(event.target.value)}
        data-testid="list-search"
      />
    </label>
  );
}

/** One facet as a select: "any" or one value. */
export function SelectFilter({
  label,
  value,
  options,
  onChange,
  testId,
  anyText = 'Any',
}: {
  label: string;
  value: string;
  options: readonly { value: string; text: string }[];
  onChange: (value: string) => void;
  testId?: string;
  /** The words of the empty choice (the default). */
  anyText?: string;
}) {
  return (
    <label className="field">
      <span className="field__label">{label}</span>
      <select value={value} onChange={(event) => onChange(event.target.value)} data-testid={testId}>
        <option value="">{anyText}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.text}
          </option>
        ))}
      </select>
    </label>
  );
}

export const enumOptions = (values: readonly string[]) =>
  values.map((value) => ({ value, text: humanize(value) }));

/** The order of a list, among the API's orders for it. */
export function SortFilter({
  value,
  options,
  onChange,
}: {
  value: string;
  options: readonly { value: string; text: string }[];
  onChange: (value: string) => void;
}) {
  return (
    <label className="field">
      <span className="field__label">Sort by</span>
      <select value={value} onChange={(event) => onChange(event.target.value)} data-testid="list-sort">
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.text}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Origin: the curated facts only (the default), or the generated test data too. */
/** The URL filter `synthetic`: 'include' shows generated data beside the curated graph. */
export function SyntheticToggle({
  value,
  onChange,
}: {
  value: string;
  onChange: (synthetic: '' | 'include') => void;
}) {
  return (
    <label className="toggle">
      <input
        type="checkbox"
        checked={value === 'include'}
        onChange={(event) => onChange(event.target.checked ? 'include' : '')}
        data-testid="include-synthetic"
      />
      <span>Include synthetic data</span>
    </label>
  );
}
