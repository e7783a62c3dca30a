import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mapInterchange } from '../sources/json.ts';
import { formatInterchange } from './export.ts';
import { interchangeJsonSchema } from './schema.ts';

const published = new URL('../../interchange/interchange.schema.json', import.meta.url);

describe('the interchange JSON Schema', () => {
  it('published in the repo is the one the model gives (pnpm --filter @clustergraph/ingest interchange-schema writes it)', () => {
    expect(JSON.parse(readFileSync(published, 'utf8'))).toEqual(interchangeJsonSchema());
  });
});

describe('mapInterchange', () => {
  let folder: string;
  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'interchange-'));
  });
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });
  const write = async (name: string, text: string) => {
    const path = join(folder, name);
    await writeFile(path, text);
    return path;
  };
  const context = { knownRegions: new Set<string>(), labelsOf: async () => new Map() };

  it('reads a document: nodes with their props (lists left out read empty), relationships between them', async () => {
    const path = await write(
      'good.json',
      formatInterchange({
        format: 'clustergraph-interchange',
        version: 1,
        nodes: [
          { label: 'Organisation', id: 'org:a', props: { name: 'A SRL', kind: 'SME', country: 'RO' } },
          { label: 'Region', id: 'region:RO', props: { code: 'RO', name: 'Romania', level: 0 } },
        ],
        relationships: [{ type: 'LOCATED_IN', from: 'org:a', to: 'region:RO', props: {} }],
      }),
    );
    const statement = await mapInterchange(path, context);
    expect(statement.problems).toEqual([]);
    expect(statement.nodes.get('org:a')?.props).toMatchObject({ name: 'A SRL', aliases: [], naceCodes: [] });
    expect(statement.nodes.get('org:a')?.rows).toEqual([5]);
    expect(statement.relationships.get('LOCATED_IN|org:a|region:RO')?.rows).toEqual([9]);
  });

  it('names every problem by file, line, field (JSON pointer) and id', async () => {
    const path = await write(
      'bad.json',
      formatInterchange({
        format: 'clustergraph-interchange',
        version: 1,
        nodes: [
          { label: 'Organisation', id: 'org:a', props: { name: 'A SRL', kind: 'SME' } },
          { label: 'Organisation', id: 'org:b', props: { kind: 'SME', colour: 'red' } },
          { label: 'Sector' as 'Region', id: 'sector:x', props: {} },
        ],
        relationships: [{ type: 'MEMBER_OF', from: 'org:a', to: 'cluster:x', props: { since: 'last year' } }],
      }),
    );
    const statement = await mapInterchange(path, context);
    expect(
      statement.problems.map(
        (problem) => `${problem.file}:${problem.line} ${problem.field} ${problem.message}`,
      ),
    ).toEqual([
      'bad.json:6 /nodes/1/props org:b: "name" is missing',
      'bad.json:6 /nodes/1/props org:b: unknown property "colour"',
      expect.stringMatching(/^bad\.json:7 \/nodes\/2\/label sector:x: must be one of Organisation, Cluster/),
      'bad.json:10 /relationships/0/props/since MEMBER_OF org:a -> cluster:x: must match pattern "^\\d{4}(-\\d{2}(-\\d{2})?)?$"',
    ]);
  });

  it('refuses a relationship to a node neither the file nor the graph has, and one the model does not allow', async () => {
    const path = await write(
      'ends.json',
      JSON.stringify({
        format: 'clustergraph-interchange',
        version: 1,
        nodes: [{ label: 'Region', id: 'region:RO', props: { code: 'RO', name: 'Romania', level: 0 } }],
        relationships: [
          { type: 'MEMBER_OF', from: 'org:nowhere', to: 'region:RO', props: {} },
          { type: 'FUNDED_BY', from: 'region:RO', to: 'region:RO', props: {} },
        ],
      }),
    );
    const statement = await mapInterchange(path, context);
    expect(statement.refusedRows).toBe(2);
    expect(statement.problems.map((problem) => `${problem.field}: ${problem.message}`)).toEqual([
      '/relationships/0/from: MEMBER_OF org:nowhere -> region:RO: no node "org:nowhere" in the file or the graph',
      '/relationships/1/type: FUNDED_BY region:RO -> region:RO: a FUNDED_BY cannot go from Region to Region',
    ]);
  });

  // Node 20's JSON.parse names the token but not always its position; the line is given when it does.
  it('that is not JSON is refused naming the file and the token', async () => {
    const path = await write('broken.json', '{\n  "format": "clustergraph-interchange",\n  "nodes": [,]\n}');
    const statement = await mapInterchange(path, context);
    expect(statement.problems).toHaveLength(1);
    expect(statement.problems[0]).toMatchObject({ file: 'broken.json' });
    expect(statement.problems[0]?.message).toMatch(/^not valid JSON: .*','/);
  });
});
