import { describe, expect, it } from 'vitest';
import { addMemberRules, membershipRules, needRules, sourceRules } from './rules.ts';

const messages = (result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}) => Object.fromEntries((result.error?.issues ?? []).map((issue) => [issue.path.join('.'), issue.message]));

describe('the editing forms check what the API checks', () => {
  it('takes a since as precise as the source gives it, and refuses a day that does not exist', () => {
    expect(membershipRules.parse({ role: ' founding member ', since: '2019-04' })).toEqual({
      role: 'founding member',
      since: '2019-04',
    });
    expect(membershipRules.parse({ role: '', since: '' })).toEqual({ role: null, since: null });
    expect(messages(membershipRules.safeParse({ role: '', since: '2019-02-30' }))).toHaveProperty('since');
    expect(messages(membershipRules.safeParse({ role: '', since: '04/2019' }))).toHaveProperty('since');
  });

  it('wants an organisation picked to add a member', () => {
    expect(messages(addMemberRules.safeParse({ organisationId: '', role: '', since: '' }))).toHaveProperty(
      'organisationId',
    );
  });

  it('wants a need said in a sentence, of a known kind, with a NUTS code if any', () => {
    expect(
      needRules.parse({ text: 'Testing facilities for textiles', kind: 'GAP', regionCode: 'ro21' }),
    ).toEqual({
      text: 'Testing facilities for textiles',
      kind: 'GAP',
      regionCode: 'RO21',
    });
    const bad = messages(needRules.safeParse({ text: 'short', kind: 'WISH', regionCode: 'Romania' }));
    expect(Object.keys(bad).sort()).toEqual(['kind', 'regionCode', 'text']);
  });

  it('wants a source: a note, or a document with the place in it', () => {
    expect(messages(sourceRules.safeParse({ note: '', document: '', section: '' }))).toHaveProperty('note');
    expect(messages(sourceRules.safeParse({ note: '', document: 'report.pdf', section: '' }))).toHaveProperty(
      'section',
    );
    expect(sourceRules.parse({ note: 'Said by the manager', document: '', section: '' })).toEqual({
      note: 'Said by the manager',
      document: null,
      section: null,
    });
  });
});
