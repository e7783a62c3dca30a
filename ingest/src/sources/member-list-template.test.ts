import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { mapMemberList } from './member-list.ts';

const template = (name: string) => fileURLToPath(new URL(`../../templates/${name}`, import.meta.url));
const cluster = { id: 'cluster:example', name: 'Example cluster', country: 'RO' };

describe('the member-list templates', () => {
  it.each(['member-list.csv', 'member-list.xlsx'])(
    '%s imports without a problem, and both state the same',
    async (name) => {
      const statement = await mapMemberList(template(name), { knownRegions: new Set(), cluster });
      expect(statement.problems).toEqual([]);
      expect(statement.rowsRead).toBe(2);
      const other = await mapMemberList(
        template(name === 'member-list.csv' ? 'member-list.xlsx' : 'member-list.csv'),
        {
          knownRegions: new Set(),
          cluster,
        },
      );
      expect([...statement.nodes.values()]).toEqual([...other.nodes.values()]);
      expect([...statement.relationships.values()]).toEqual([...other.relationships.values()]);
    },
  );
});
