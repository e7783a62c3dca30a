import { toGlobalId } from '@clustergraph/schema';
import { issueApiToken } from '@clustergraph/server/auth';
import { createLogger } from '@clustergraph/server/logger';
import { buildYoga } from '@clustergraph/server/yoga';
import { beforeAll, describe, expect, it } from 'vitest';
import { useGraph } from '../helpers/graph.ts';
import { codesOf, send } from '../helpers/requests.ts';

/*
 * The mutations of #12 §2 per role: allowed for the roles that may, refused for the others with
 * the graph unchanged (a snapshot of every node and relationship before and after), a stale
 * version is CONFLICT, bad input names its field, and 32 editors at once lose no update.
 */

const graph = useGraph();
const api = buildYoga({ db: graph.db, logger: createLogger('silent') });
const note = { note: 'Checked with the member by phone' };

let tokens: { admin: string; editorA: string; editorB: string; viewer: string };
let clusterA: string;
let clusterB: string;
let stage: string;

const gid = (label: Parameters<typeof toGlobalId>[0], id: string) => toGlobalId(label, id);

/** Every node and relationship with its properties, in a stable order: what "nothing written" compares. */
async function snapshot(): Promise<string> {
  const nodes = await graph.rows<{ n: unknown }>(
    'MATCH (n) WHERE NOT n:ApiToken WITH n ORDER BY n.id, labels(n)[0] RETURN [labels(n), properties(n)] AS n',
  );
  const rels = await graph.rows<{ r: unknown }>(
    'MATCH (a)-[r]->(b) WITH a, r, b ORDER BY a.id, type(r), b.id RETURN [a.id, type(r), b.id, properties(r)] AS r',
  );
  return JSON.stringify({ nodes, rels });
}

async function as(token: string | undefined, query: string, variables: Record<string, unknown>) {
  return send<Record<string, Record<string, unknown>>>(api, query, variables, { token });
}

const CREATE_ORG = `mutation($input: CreateOrganisationInput!) {
  createOrganisation(input: $input) { organisation { id key name version naceCodes clusters { key } sources { kind author note } } changeId }
}`;
const UPDATE_ORG = `mutation($input: UpdateOrganisationInput!) {
  updateOrganisation(input: $input) { organisation { id version name capabilities naceCodes } changeId }
}`;

async function createOrganisation(token: string, name: string, clusterId: string) {
  const created = await as(token, CREATE_ORG, {
    input: { name, kind: 'SME', clusterId: gid('Cluster', clusterId), source: note },
  });
  expect(created.errors).toBeUndefined();
  return created.data?.createOrganisation?.organisation as { id: string; key: string; version: number };
}

beforeAll(async () => {
  await graph.reset();
  await graph.loadCurated();
  const clusters = await graph.rows<{ id: string }>(
    'MATCH (c:Cluster) RETURN c.id AS id ORDER BY c.id LIMIT 2',
  );
  clusterA = clusters[0]?.id ?? '';
  clusterB = clusters[1]?.id ?? '';
  stage =
    (await graph.rows<{ id: string }>('MATCH (s:ValueChainStage) RETURN s.id AS id ORDER BY s.id LIMIT 1'))[0]
      ?.id ?? '';
  const issue = async (role: 'admin' | 'editor' | 'viewer', name: string, clusterIds: string[] = []) =>
    (await issueApiToken(graph.db, { name, role, clusterIds, createdBy: 'test' })).secret;
  tokens = {
    admin: await issue('admin', 'Admin'),
    editorA: await issue('editor', 'Editor of A', [clusterA]),
    editorB: await issue('editor', 'Editor of B', [clusterB]),
    viewer: await issue('viewer', 'Viewer'),
  };
});

describe('organisations', () => {
  it('an editor creates an organisation into its cluster, stated by its own note; the audit records it', async () => {
    const created = await as(tokens.editorA, CREATE_ORG, {
      input: {
        name: 'Textile Lab Iași',
        kind: 'SME',
        naceCodes: ['13.92'],
        clusterId: gid('Cluster', clusterA),
        source: note,
      },
    });
    expect(created.errors).toBeUndefined();
    const organisation = created.data?.createOrganisation?.organisation;
    expect(organisation).toMatchObject({
      name: 'Textile Lab Iași',
      version: 1,
      naceCodes: ['13.92'],
      clusters: [{ key: clusterA }],
      sources: [{ kind: 'STATEMENT', author: 'Editor of A', note: note.note }],
    });
    const change = await graph.rows<{ actor: string; operation: string }>(
      'MATCH (c:Change {id: $id}) RETURN c.actorName AS actor, c.operation AS operation',
      { id: created.data?.createOrganisation?.changeId },
    );
    expect(change).toEqual([{ actor: 'Editor of A', operation: 'createOrganisation' }]);
    // Found by search at once.
    const found = await as(undefined, '{ search(query: "textile lab iasi") { name } }', {});
    expect(JSON.stringify(found.data)).toContain('Textile Lab Iași');
  });

  it('refuses creation without a token, for a viewer and for an editor of another cluster, writing nothing', async () => {
    const input = {
      input: { name: 'Nope SRL', kind: 'SME', clusterId: gid('Cluster', clusterA), source: note },
    };
    const before = await snapshot();
    expect(codesOf(await as(undefined, CREATE_ORG, input))).toEqual(['UNAUTHENTICATED']);
    expect(codesOf(await as(tokens.viewer, CREATE_ORG, input))).toEqual(['FORBIDDEN']);
    expect(codesOf(await as(tokens.editorB, CREATE_ORG, input))).toEqual(['FORBIDDEN']);
    const withoutCluster = { input: { ...input.input, clusterId: undefined } };
    expect(codesOf(await as(tokens.editorA, CREATE_ORG, withoutCluster))).toEqual(['FORBIDDEN']);
    expect(await snapshot()).toBe(before);
  });

  it('names every bad field and writes nothing', async () => {
    const before = await snapshot();
    const refused = await as(tokens.admin, CREATE_ORG, {
      input: {
        name: '',
        kind: 'SME',
        country: 'Romania',
        website: 'not a url',
        naceCodes: ['13.92', 'textiles'],
        source: { document: 'member-list.xlsx' },
      },
    });
    expect(codesOf(refused)).toEqual(['BAD_USER_INPUT']);
    expect(refused.errors?.[0]?.extensions?.field).toBe('input.source.section');
    const again = await as(tokens.admin, CREATE_ORG, {
      input: {
        name: '',
        kind: 'SME',
        country: 'Romania',
        website: 'not a url',
        naceCodes: ['13.92', 'textiles'],
        source: note,
      },
    });
    expect(again.errors?.[0]?.extensions?.problems?.map((p) => p.field)).toEqual([
      'input.name',
      'input.country',
      'input.website',
      'input.naceCodes[1]',
    ]);
    const noSource = await as(tokens.admin, CREATE_ORG, { input: { name: 'X', kind: 'SME', source: {} } });
    expect(noSource.errors?.[0]?.extensions?.field).toBe('input.source');
    expect(await snapshot()).toBe(before);
  });

  it('updates with the version read; a stale version is CONFLICT and changes nothing', async () => {
    const org = await createOrganisation(tokens.admin, 'Versioned SA', clusterA);
    const first = await as(tokens.editorA, UPDATE_ORG, {
      input: { id: org.id, version: 1, capabilities: ['dyeing'], naceCodes: ['13.3'], source: note },
    });
    expect(first.errors).toBeUndefined();
    expect(first.data?.updateOrganisation?.organisation).toMatchObject({
      version: 2,
      capabilities: ['dyeing'],
      naceCodes: ['13.3'],
    });
    const before = await snapshot();
    const stale = await as(tokens.editorA, UPDATE_ORG, {
      input: { id: org.id, version: 1, name: 'Lost update', source: note },
    });
    expect(codesOf(stale)).toEqual(['CONFLICT']);
    expect(stale.errors?.[0]?.extensions?.currentVersion).toBe(2);
    expect(await snapshot()).toBe(before);
  });

  it('an editor may not update an organisation outside its clusters; an unknown id is NOT_FOUND', async () => {
    const org = await createOrganisation(tokens.admin, 'Outside SRL', clusterB);
    const before = await snapshot();
    const refused = await as(tokens.editorA, UPDATE_ORG, {
      input: { id: org.id, version: 1, name: 'Mine now', source: note },
    });
    expect(codesOf(refused)).toEqual(['FORBIDDEN']);
    const unknown = await as(tokens.admin, UPDATE_ORG, {
      input: { id: gid('Organisation', 'org:nobody'), version: 0, name: 'Ghost', source: note },
    });
    expect(codesOf(unknown)).toEqual(['NOT_FOUND']);
    expect(unknown.errors?.[0]?.extensions?.id).toBe(gid('Organisation', 'org:nobody'));
    expect(await snapshot()).toBe(before);
  });

  it('merges two nodes of the same organisation (ADMIN): relationships and sources move, names become aliases', async () => {
    const keep = await createOrganisation(tokens.admin, 'Universitatea Tehnică Gheorghe Asachi', clusterA);
    const merge = await createOrganisation(tokens.admin, 'TUIASI', clusterB);
    await as(
      tokens.admin,
      'mutation($input: StageProvidedInput!) { markStageProvided(input: $input) { changeId } }',
      {
        input: {
          organisationId: merge.id,
          stageId: gid('ValueChainStage', stage),
          source: { document: 'tuiasi.pdf', section: 'p. 3' },
        },
      },
    );
    const [sector] = await graph.rows<{ searchName: string }>(
      `MATCH (m:Organisation {id: $id}), (s:Sector) WITH m, s ORDER BY s.id LIMIT 1
       CREATE (m)-[:ACTIVE_IN {sources: []}]->(s) RETURN s.searchName AS searchName`,
      { id: merge.key },
    );
    const MERGE = `mutation($input: MergeOrganisationsInput!) {
      mergeOrganisations(input: $input) { mergedId organisation { version aliases clusters { key } provides { key } sources { document } } }
    }`;
    const input = { keepId: keep.id, keepVersion: 1, mergeId: merge.id, mergeVersion: 1, source: note };
    const before = await snapshot();
    expect(codesOf(await as(tokens.editorA, MERGE, { input }))).toEqual(['FORBIDDEN']);
    expect(await snapshot()).toBe(before);
    const merged = await as(tokens.admin, MERGE, { input });
    expect(merged.errors).toBeUndefined();
    const organisation = merged.data?.mergeOrganisations?.organisation as Record<string, unknown>;
    expect(organisation.aliases).toEqual(['TUIASI']);
    expect((organisation.clusters as { key: string }[]).map((c) => c.key).sort()).toEqual(
      [clusterA, clusterB].sort(),
    );
    expect(organisation.provides).toEqual([{ key: stage }]);
    // The moved relationship keeps the source stating it (provenance kept).
    const provides = await graph.rows<{ sources: string[] }>(
      'MATCH (:Organisation {id: $id})-[r:PROVIDES]->() RETURN r.sources AS sources',
      { id: keep.key },
    );
    expect(provides).toEqual([{ sources: ['source:tuiasi.pdf#p. 3'] }]);
    // Search finds the kept node by the sector the merged one was active in.
    const [kept] = await graph.rows<{ searchSectors: string }>(
      'MATCH (o:Organisation {id: $id}) RETURN o.searchSectors AS searchSectors',
      { id: keep.key },
    );
    expect(kept?.searchSectors).toContain(sector?.searchName);
    expect(await graph.count('MATCH (o:Organisation {id: $id}) RETURN count(o)', { id: merge.key })).toBe(0);
  });

  it('deletes an organisation with its relationships (ADMIN only)', async () => {
    const org = await createOrganisation(tokens.admin, 'Short Lived SRL', clusterA);
    const DELETE = 'mutation($input: DeleteNodeInput!) { deleteOrganisation(input: $input) { deletedId } }';
    const before = await snapshot();
    expect(
      codesOf(await as(tokens.editorA, DELETE, { input: { id: org.id, version: 1, source: note } })),
    ).toEqual(['FORBIDDEN']);
    expect(
      codesOf(await as(tokens.admin, DELETE, { input: { id: org.id, version: 0, source: note } })),
    ).toEqual(['CONFLICT']);
    expect(await snapshot()).toBe(before);
    const deleted = await as(tokens.admin, DELETE, { input: { id: org.id, version: 1, source: note } });
    expect(deleted.data?.deleteOrganisation).toEqual({ deletedId: org.id });
    expect(await graph.count('MATCH (o:Organisation {id: $id})--() RETURN count(*)', { id: org.key })).toBe(
      0,
    );
  });
});

describe('memberships and stages', () => {
  const ADD = `mutation($input: AddClusterMemberInput!) { addClusterMember(input: $input) { membership { role since version } cluster { key } } }`;
  const UPDATE = `mutation($input: UpdateClusterMemberInput!) { updateClusterMember(input: $input) { membership { role since version } } }`;
  const REMOVE = `mutation($input: RemoveClusterMemberInput!) { removeClusterMember(input: $input) { membership { version } } }`;

  it('an editor adds a member with role and since, updates it by version and removes it', async () => {
    const org = await createOrganisation(tokens.admin, 'Member To Be SRL', clusterB);
    const keys = { clusterId: gid('Cluster', clusterA), organisationId: org.id };
    const before = await snapshot();
    expect(
      codesOf(await as(tokens.editorB, ADD, { input: { ...keys, role: 'member', source: note } })),
    ).toEqual(['FORBIDDEN']);
    const badSince = await as(tokens.editorA, ADD, { input: { ...keys, since: '2019-02-30', source: note } });
    expect(badSince.errors?.[0]?.extensions?.field).toBe('input.since');
    expect(await snapshot()).toBe(before);

    const added = await as(tokens.editorA, ADD, {
      input: { ...keys, role: 'founding member', since: '2019-03', source: note },
    });
    expect(added.data?.addClusterMember?.membership).toEqual({
      role: 'founding member',
      since: '2019-03',
      version: 1,
    });
    expect(codesOf(await as(tokens.editorA, ADD, { input: { ...keys, source: note } }))).toEqual([
      'CONFLICT',
    ]);

    const members = await as(
      undefined,
      'query($id: ID!) { node(id: $id) { ... on Cluster { members { edges { role since version node { key } } } } } }',
      {
        id: keys.clusterId,
      },
    );
    expect(JSON.stringify(members.data)).toContain(
      `"role":"founding member","since":"2019-03","version":1,"node":{"key":"${org.key}"}`,
    );

    const updated = await as(tokens.editorA, UPDATE, {
      input: { ...keys, version: 1, role: 'associate', since: null, source: note },
    });
    expect(updated.data?.updateClusterMember?.membership).toEqual({
      role: 'associate',
      since: null,
      version: 2,
    });
    const staleBefore = await snapshot();
    expect(
      codesOf(await as(tokens.editorA, UPDATE, { input: { ...keys, version: 1, role: 'x', source: note } })),
    ).toEqual(['CONFLICT']);
    expect(
      codesOf(await as(tokens.editorA, REMOVE, { input: { ...keys, version: 1, source: note } })),
    ).toEqual(['CONFLICT']);
    expect(await snapshot()).toBe(staleBefore);
    const removed = await as(tokens.editorA, REMOVE, { input: { ...keys, version: 2, source: note } });
    expect(removed.data?.removeClusterMember).toEqual({ membership: null });
  });

  it('marks and unmarks a stage provided, for editors of a cluster the organisation is in', async () => {
    const org = await createOrganisation(tokens.admin, 'Stage Provider SRL', clusterA);
    const MARK =
      'mutation($input: StageProvidedInput!) { markStageProvided(input: $input) { organisation { provides { key } } } }';
    const UNMARK =
      'mutation($input: StageProvidedInput!) { unmarkStageProvided(input: $input) { organisation { provides { key } } } }';
    const input = { organisationId: org.id, stageId: gid('ValueChainStage', stage), source: note };
    const before = await snapshot();
    expect(codesOf(await as(tokens.editorB, MARK, { input }))).toEqual(['FORBIDDEN']);
    expect(codesOf(await as(undefined, MARK, { input }))).toEqual(['UNAUTHENTICATED']);
    expect(await snapshot()).toBe(before);
    const marked = await as(tokens.editorA, MARK, { input });
    expect(marked.data?.markStageProvided?.organisation).toEqual({ provides: [{ key: stage }] });
    const unmarked = await as(tokens.editorA, UNMARK, { input });
    expect(unmarked.data?.unmarkStageProvided?.organisation).toEqual({ provides: [] });
    expect(codesOf(await as(tokens.editorA, UNMARK, { input }))).toEqual(['NOT_FOUND']);
  });
});

describe('needs and clusters', () => {
  it('an editor records a need for its cluster, updates and deletes it; others are refused', async () => {
    const CREATE =
      'mutation($input: CreateNeedInput!) { createNeed(input: $input) { need { id version text kind clusters { key } } } }';
    const before = await snapshot();
    const input = {
      text: 'No testing lab for technical textiles in the region',
      kind: 'GAP',
      clusterId: gid('Cluster', clusterA),
      source: note,
    };
    expect(codesOf(await as(tokens.editorB, CREATE, { input }))).toEqual(['FORBIDDEN']);
    expect(codesOf(await as(tokens.viewer, CREATE, { input }))).toEqual(['FORBIDDEN']);
    expect(await snapshot()).toBe(before);
    const created = await as(tokens.editorA, CREATE, { input });
    const need = created.data?.createNeed?.need as { id: string; version: number };
    expect(created.data?.createNeed?.need).toMatchObject({
      version: 1,
      kind: 'GAP',
      clusters: [{ key: clusterA }],
    });
    const onCluster = await as(
      undefined,
      'query($id: ID!) { node(id: $id) { ... on Cluster { needs { text } } } }',
      { id: input.clusterId },
    );
    expect(JSON.stringify(onCluster.data)).toContain('No testing lab');

    const UPDATE =
      'mutation($input: UpdateNeedInput!) { updateNeed(input: $input) { need { version kind } } }';
    expect(
      codesOf(
        await as(tokens.editorB, UPDATE, { input: { id: need.id, version: 1, kind: 'NEED', source: note } }),
      ),
    ).toEqual(['FORBIDDEN']);
    expect(
      (await as(tokens.editorA, UPDATE, { input: { id: need.id, version: 1, kind: 'NEED', source: note } }))
        .data?.updateNeed?.need,
    ).toEqual({
      version: 2,
      kind: 'NEED',
    });
    const DELETE = 'mutation($input: DeleteNodeInput!) { deleteNeed(input: $input) { deletedId } }';
    expect(
      codesOf(await as(tokens.editorA, DELETE, { input: { id: need.id, version: 1, source: note } })),
    ).toEqual(['CONFLICT']);
    expect(
      (await as(tokens.editorA, DELETE, { input: { id: need.id, version: 2, source: note } })).data
        ?.deleteNeed,
    ).toEqual({ deletedId: need.id });
  });

  it("an editor changes its cluster's declared facts, not another cluster's", async () => {
    const UPDATE = `mutation($input: UpdateClusterInput!) { updateCluster(input: $input) { cluster { version declaredMemberCount declaredMemberCountOn } } }`;
    const [row] = await graph.rows<{ version: number | null }>(
      'MATCH (c:Cluster {id: $id}) RETURN c.version AS version',
      { id: clusterA },
    );
    const version = row?.version ?? 0;
    const before = await snapshot();
    const other = { id: gid('Cluster', clusterB), version: 0, declaredMemberCount: 99, source: note };
    expect(codesOf(await as(tokens.editorA, UPDATE, { input: other }))).toEqual(['FORBIDDEN']);
    const bad = await as(tokens.editorA, UPDATE, {
      input: {
        id: gid('Cluster', clusterA),
        version,
        declaredMemberCount: -3,
        declaredMemberCountOn: '31.12.2019',
        source: note,
      },
    });
    expect(bad.errors?.[0]?.extensions?.problems?.map((p) => p.field).sort()).toEqual([
      'input.declaredMemberCount',
      'input.declaredMemberCountOn',
    ]);
    expect(await snapshot()).toBe(before);
    const updated = await as(tokens.editorA, UPDATE, {
      input: {
        id: gid('Cluster', clusterA),
        version,
        declaredMemberCount: 42,
        declaredMemberCountOn: '2024-12-31',
        source: { document: 'annual-report-2024.pdf', section: 'p. 2' },
      },
    });
    expect(updated.data?.updateCluster?.cluster).toEqual({
      version: version + 1,
      declaredMemberCount: 42,
      declaredMemberCountOn: '2024-12-31',
    });
  });
});

describe('32 concurrent editors', () => {
  it('update different organisations and add members to one cluster at once: no lost update, no error', async () => {
    const editors = 32;
    const rounds = 3;
    const organisations: { id: string; version: number }[] = [];
    for (let index = 0; index < editors; index += 1) {
      organisations.push(await createOrganisation(tokens.admin, `Load Test Member ${index}`, clusterA));
    }
    const joiners: { id: string }[] = [];
    for (let index = 0; index < editors; index += 1) {
      joiners.push(await createOrganisation(tokens.admin, `Load Test Joiner ${index}`, clusterB));
    }
    const editorTokens = await Promise.all(
      organisations.map(
        async (_org, index) =>
          (
            await issueApiToken(graph.db, {
              name: `Editor ${index}`,
              role: 'editor',
              clusterIds: [clusterA],
              createdBy: 'test',
            })
          ).secret,
      ),
    );
    const errors: unknown[] = [];
    await Promise.all(
      organisations.map(async (org, index) => {
        let version = org.version;
        for (let round = 0; round < rounds; round += 1) {
          const updated = await as(editorTokens[index], UPDATE_ORG, {
            input: { id: org.id, version, capabilities: [`capability ${index}.${round}`], source: note },
          });
          if (updated.errors) errors.push(updated.errors);
          version =
            (updated.data?.updateOrganisation?.organisation as { version: number } | undefined)?.version ??
            version;
        }
        // Everyone adds a member to the same cluster: the writers meet on its node.
        const joined = await as(
          editorTokens[index],
          'mutation($input: AddClusterMemberInput!) { addClusterMember(input: $input) { changeId } }',
          {
            input: { clusterId: gid('Cluster', clusterA), organisationId: joiners[index]?.id, source: note },
          },
        );
        if (joined.errors) errors.push(joined.errors);
      }),
    );
    expect(errors).toEqual([]);
    const rows = await graph.rows<{ name: string; version: number; capabilities: string[] }>(
      "MATCH (o:Organisation) WHERE o.name STARTS WITH 'Load Test Member' RETURN o.name AS name, o.version AS version, o.capabilities AS capabilities",
    );
    expect(rows).toHaveLength(editors);
    for (const row of rows) {
      const index = row.name.split(' ').at(-1);
      expect(row).toMatchObject({ version: 1 + rounds, capabilities: [`capability ${index}.${rounds - 1}`] });
    }
    expect(
      await graph.count(
        "MATCH (o:Organisation)-[:MEMBER_OF]->(:Cluster {id: $id}) WHERE o.name STARTS WITH 'Load Test Joiner' RETURN count(o)",
        { id: clusterA },
      ),
    ).toBe(editors);
    expect(
      await graph.count(
        "MATCH (c:Change) WHERE c.actorName =~ 'Editor [0-9]+' AND c.operation IN ['updateOrganisation', 'addClusterMember'] RETURN count(c)",
      ),
    ).toBe(editors * (rounds + 1));
  });
});
