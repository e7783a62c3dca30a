import type { FieldProblem } from '../../graphql/errors.ts';
import type { Props } from './edit.ts';

/**
 * Rules beyond the model's property shapes that a form should be told about field by field.
 * The model (ingest's validator) checks types, required values and dates; these check formats.
 */
const NACE = /^[A-U](\d{2}(\.\d{1,2})?)?$|^\d{2}(\.\d{1,2})?$/;
const COUNTRY = /^[A-Z]{2}$/;
export const COMPANY_SIZES = ['MICRO', 'SMALL', 'MEDIUM', 'LARGE'] as const;
const MAX_TEXT = 300;
const MAX_LONG_TEXT = 5_000;
const LONG_TEXT = new Set(['description', 'text']);

export function formatProblems(props: Props, fieldOf: (property: string) => string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const report = (property: string, message: string) => problems.push({ field: fieldOf(property), message });
  for (const [property, value] of Object.entries(props)) {
    if (typeof value === 'string') {
      const max = LONG_TEXT.has(property) ? MAX_LONG_TEXT : MAX_TEXT;
      if (value.length > max) report(property, `at most ${max} characters`);
      if (value !== value.trim()) report(property, 'has spaces at its start or end');
    }
    if (Array.isArray(value)) {
      value.forEach((item, index) => {
        if (typeof item === 'string' && (item.trim() === '' || item.length > MAX_TEXT)) {
          problems.push({
            field: `${fieldOf(property)}[${index}]`,
            message: `must be 1 to ${MAX_TEXT} characters`,
          });
        }
      });
    }
  }
  if (typeof props.country === 'string' && !COUNTRY.test(props.country)) {
    report('country', 'an ISO 3166-1 alpha-2 code in capitals, such as RO');
  }
  if (typeof props.size === 'string' && !(COMPANY_SIZES as readonly string[]).includes(props.size)) {
    report('size', `one of ${COMPANY_SIZES.join(', ')}`);
  }
  if (typeof props.pic === 'string' && !/^\d{9}$/.test(props.pic)) report('pic', 'nine digits (the EU PIC)');
  if (typeof props.website === 'string') {
    let url: URL | null = null;
    try {
      url = new URL(props.website);
    } catch {
      // reported below
    }
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
      report('website', 'an http:// or https:// address');
    }
  }
  if (Array.isArray(props.naceCodes)) {
    props.naceCodes.forEach((code, index) => {
      if (typeof code === 'string' && !NACE.test(code)) {
        problems.push({
          field: `${fieldOf('naceCodes')}[${index}]`,
          message: `"${code}" is not a NACE Rev. 2 code (a section letter, 13, 13.9 or 13.92)`,
        });
      }
    });
  }
  if (typeof props.declaredMemberCount === 'number' && props.declaredMemberCount < 0) {
    report('declaredMemberCount', 'cannot be negative');
  }
  return problems;
}

/** Input values as written: omitted stays (undefined), null clears, strings trimmed of nothing (checked). */
export function definedChanges(input: Props, properties: readonly string[]): Props {
  const changes: Props = {};
  for (const name of properties) if (input[name] !== undefined) changes[name] = input[name];
  return changes;
}
