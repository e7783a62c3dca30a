import { describe, expect, it } from 'vitest';
import { diff, nodeEntry, relationshipEntry, sameValue } from './entries.ts';

describe('diff', () => {
  it('keeps only the changed properties of an update, a removed one as null after', () => {
    expect(
      diff(
        { name: 'ADR Nord-Est', kind: 'DEVELOPMENT_AGENCY', website: 'adrnordest.ro', aliases: ['ADR'] },
        { name: 'ADR Nord-Est', kind: 'DEVELOPMENT_AGENCY', aliases: ['ADR', 'ADRNORDEST'], size: 'LARGE' },
      ),
    ).toEqual({
      before: { website: 'adrnordest.ro', aliases: ['ADR'], size: null },
      after: { website: null, aliases: ['ADR', 'ADRNORDEST'], size: 'LARGE' },
    });
  });

  it('is null when nothing changed, arrays and objects compared by value', () => {
    expect(diff({ a: [1, 2], b: { c: 'x' }, d: null }, { a: [1, 2], b: { c: 'x' } })).toBeNull();
    expect(diff(null, null)).toBeNull();
  });

  it('keeps the whole state of a creation and a deletion, without null properties', () => {
    expect(diff(null, { name: 'X', website: null })).toEqual({ before: null, after: { name: 'X' } });
    expect(diff({ role: 'MEMBER', since: null }, null)).toEqual({ before: { role: 'MEMBER' }, after: null });
  });

  it('sees an order change of a list as a change', () => {
    expect(sameValue(['a', 'b'], ['b', 'a'])).toBe(false);
    expect(diff({ naceCodes: ['a', 'b'] }, { naceCodes: ['b', 'a'] })).not.toBeNull();
  });
});

describe('entries', () => {
  it('names the node or relationship, and are null when nothing changed', () => {
    expect(nodeEntry('Organisation', 'org:1', { name: 'A' }, { name: 'B' })).toEqual({
      kind: 'node',
      id: 'org:1',
      label: 'Organisation',
      before: { name: 'A' },
      after: { name: 'B' },
    });
    expect(relationshipEntry('MEMBER_OF', 'org:1', 'cluster:1', { role: 'x' }, { role: 'x' })).toBeNull();
    expect(relationshipEntry('MEMBER_OF', 'org:1', 'cluster:1', null, { role: 'x' })).toEqual({
      kind: 'relationship',
      type: 'MEMBER_OF',
      from: 'org:1',
      to: 'cluster:1',
      before: null,
      after: { role: 'x' },
    });
  });
});
