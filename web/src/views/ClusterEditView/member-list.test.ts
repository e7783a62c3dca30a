import { describe, expect, it } from 'vitest';
import { namesOrganisation, readMemberList } from './member-list.ts';

describe('a member list file', () => {
  it('reads name, role and since by their headers, comma or semicolon separated', () => {
    const comma = readMemberList('Name,Role,Since\nUniversitatea Tehnică,founding member,2012\nACME SRL,,\n');
    expect(comma.fileProblems).toEqual([]);
    expect(comma.members).toEqual([
      { line: 2, name: 'Universitatea Tehnică', role: 'founding member', since: '2012', problems: [] },
      { line: 3, name: 'ACME SRL', role: null, since: null, problems: [] },
    ]);
    const semicolon = readMemberList('organisation;since\nACME SRL;2019-04\n');
    expect(semicolon.members[0]).toMatchObject({ name: 'ACME SRL', since: '2019-04', problems: [] });
  });

  it('names the line of each bad value, and a name listed twice', () => {
    const { members } = readMemberList('name,since\nACME SRL,2019-02-30\n,2019\nacme srl,\n');
    expect(members.map((member) => [member.line, member.problems.length > 0])).toEqual([
      [2, true],
      [3, true],
      [4, true],
    ]);
    expect(members[0]?.problems.join()).toMatch(/ISO date that exists/);
    expect(members[1]?.problems).toEqual(['the name is empty']);
    expect(members[2]?.problems).toEqual(['the same organisation as line 2']);
  });

  it('refuses a file without a name column', () => {
    const { members, fileProblems } = readMemberList('company,year\nACME,2019\n');
    expect(members).toEqual([]);
    expect(fileProblems[0]).toMatch(/found: company, year/);
  });

  it('matches a hit by its name or acronym, case and accents aside', () => {
    expect(namesOrganisation('universitatea tehnica', { name: 'Universitatea Tehnică' })).toBe(true);
    expect(namesOrganisation('UTI', { name: 'Universitatea Tehnică', acronym: 'UTI' })).toBe(true);
    expect(namesOrganisation('Universitatea', { name: 'Universitatea Tehnică' })).toBe(false);
  });
});
