import { describe, expect, it } from 'vitest';
import { FULLTEXT_INDEX, SEARCHABLE_LABELS, schemaObjectNames, schemaStatements } from './constraints.ts';
import { fromGlobalId, toGlobalId } from './global-id.ts';
import { allowsEnds, NODE_LABELS, RELATIONSHIP_TYPES, relationshipModel } from './model.ts';
import { foldText } from './text.ts';

describe('the model', () => {
  it('every relationship end is a label of the model', () => {
    for (const type of RELATIONSHIP_TYPES) {
      for (const [from, to] of relationshipModel[type].ends) {
        expect(NODE_LABELS).toContain(from);
        expect(NODE_LABELS).toContain(to);
      }
    }
  });

  it('allows only the declared ends', () => {
    expect(allowsEnds('MEMBER_OF', 'Organisation', 'Cluster')).toBe(true);
    expect(allowsEnds('MEMBER_OF', 'Cluster', 'Organisation')).toBe(false);
    expect(allowsEnds('SOURCED_FROM', 'Cluster', 'Source')).toBe(true);
    expect(allowsEnds('SOURCED_FROM', 'Source', 'Source')).toBe(false);
  });
});

describe('schema statements derived from the model', () => {
  const statements = schemaStatements();

  it('one idempotent uniqueness constraint on id per label', () => {
    for (const label of NODE_LABELS) {
      expect(statements).toContainEqual(
        expect.stringMatching(
          new RegExp(`^CREATE CONSTRAINT \\w+ IF NOT EXISTS FOR \\(n:${label}\\) REQUIRE n.id IS UNIQUE$`),
        ),
      );
    }
    expect(
      statements.every((statement) =>
        statement.includes(statement.startsWith('DROP ') ? 'IF EXISTS' : 'IF NOT EXISTS'),
      ),
    ).toBe(true);
  });

  it('a whitespace full-text index over the search properties of the named labels, Source excluded', () => {
    const fulltext = statements.find((statement) => statement.startsWith('CREATE FULLTEXT INDEX'));
    expect(fulltext).toContain(FULLTEXT_INDEX);
    expect(fulltext).toContain("'whitespace'");
    expect(fulltext).toContain('ON EACH [n.searchName, n.searchAlso, n.searchSectors]');
    expect(SEARCHABLE_LABELS).not.toContain('Source');
    for (const label of SEARCHABLE_LABELS) expect(fulltext).toContain(label);
  });

  it('names every object once', () => {
    const names = schemaObjectNames();
    expect(new Set(names).size).toBe(names.length);
  });
});

describe('global ids', () => {
  it('round-trip label and id', () => {
    const id = toGlobalId('Region', 'region:RO213');
    expect(fromGlobalId(id)).toEqual({ label: 'Region', id: 'region:RO213' });
  });

  it('encode as Node would, non-ASCII keys included (the dashboard encodes them in the browser)', () => {
    for (const key of ['region:RO213', 'org:ași-ţ', 'syn:cluster:00001', 'x?y/z+w']) {
      expect(toGlobalId('Organisation', key)).toBe(Buffer.from(`Organisation:${key}`).toString('base64url'));
    }
  });

  it.each([
    '',
    'not base64!',
    toGlobalId('Region', 'x').slice(0, 3),
    Buffer.from('Nope:x').toString('base64url'),
  ])('reject %j', (text) => {
    expect(fromGlobalId(text)).toBeNull();
  });
});

it('folds case and diacritics the way the index does', () => {
  expect(foldText('Iași')).toBe('iasi');
  expect(foldText('BUCUREȘTI')).toBe('bucuresti');
  expect(foldText('Neamţ')).toBe('neamt');
});
