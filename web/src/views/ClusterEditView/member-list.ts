import { normaliseSearchText } from '@clustergraph/schema';
import Papa from 'papaparse';
import { membershipRules } from './rules.ts';

/** One line of a member list file, as read: the line number a spreadsheet shows, and what is wrong with it. */
export type ListedMember = {
  line: number;
  name: string;
  role: string | null;
  since: string | null;
  problems: string[];
};

export const MAX_LISTED_MEMBERS = 200;
const NAME_COLUMNS = ['name', 'organisation', 'organization', 'member'];

/**
 * A member list file: a header line with a name column (name, organisation, organization or
 * member) and optionally role and since; comma or semicolon separated, as spreadsheets save it.
 * Every line is checked as the add-member form checks it; a file-wide problem (no name column,
 * too many lines, a name twice) is returned apart, with the lines it concerns.
 */
export function readMemberList(text: string): { members: ListedMember[]; fileProblems: string[] } {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: (header) => header.trim().toLowerCase(),
  });
  const columns = parsed.meta.fields ?? [];
  const nameColumn = NAME_COLUMNS.find((column) => columns.includes(column));
  const fileProblems: string[] = [];
  if (!nameColumn) {
    fileProblems.push(
      `The first line must name the columns, with one of ${NAME_COLUMNS.join(', ')} (found: ${columns.join(', ') || 'nothing'}).`,
    );
    return { members: [], fileProblems };
  }
  for (const error of parsed.errors) {
    // Papa counts data rows from 0; the header is line 1.
    if (error.code !== 'UndetectableDelimiter')
      fileProblems.push(`Line ${(error.row ?? 0) + 2}: ${error.message}.`);
  }
  if (parsed.data.length > MAX_LISTED_MEMBERS) {
    fileProblems.push(
      `The file has ${parsed.data.length} members; add at most ${MAX_LISTED_MEMBERS} at a time.`,
    );
  }
  const seen = new Map<string, number>();
  const members = parsed.data.slice(0, MAX_LISTED_MEMBERS).map((row, index): ListedMember => {
    const line = index + 2;
    const name = (row[nameColumn] ?? '').trim();
    const problems: string[] = [];
    if (name === '') problems.push(`the ${nameColumn} is empty`);
    const checked = membershipRules.safeParse({ role: row.role ?? '', since: row.since ?? '' });
    if (!checked.success) problems.push(...checked.error.issues.map((issue) => issue.message));
    const key = normaliseSearchText(name);
    const earlier = seen.get(key);
    if (name !== '' && earlier !== undefined) problems.push(`the same organisation as line ${earlier}`);
    else seen.set(key, line);
    return {
      line,
      name,
      role: checked.success ? checked.data.role : null,
      since: checked.success ? checked.data.since : null,
      problems,
    };
  });
  return { members, fileProblems };
}

/** A search hit is the listed organisation when its name or acronym is the listed name, case and accents aside. */
export function namesOrganisation(listed: string, hit: { name: string; acronym?: string | null }): boolean {
  const wanted = normaliseSearchText(listed.trim());
  return (
    normaliseSearchText(hit.name) === wanted || (!!hit.acronym && normaliseSearchText(hit.acronym) === wanted)
  );
}
