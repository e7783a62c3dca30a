import { toGlobalId } from '@clustergraph/schema';
import { issueApiToken } from '@clustergraph/server/auth';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { eventually, screenshot, seriousViolations, useDashboard } from '../helpers/dashboard.ts';
import { useGraph } from '../helpers/graph.ts';

/*
 * Editing from the dashboard, as an agency's editor does it: sign in with a token an admin made
 * (created here through the server's own code), change the cluster's members and the stages they
 * provide, record a need, and see the value chain follow. A viewer is refused; a bad value is
 * said beside its field; a stale version is said with a way to reload. What the UI claims is
 * checked in the database.
 */

const graph = useGraph();
const fixture = {} as {
  cluster: { key: string; name: string; slug: string; id: string };
  outsider: { key: string; name: string };
  listed: { key: string; name: string };
  gap: { key: string; name: string };
  member: { key: string; name: string };
  editorToken: string;
  viewerToken: string;
};
const dashboard = useDashboard(async () => {
  await graph.reset();
  await graph.loadCurated();
  // The curated cluster with a value chain that has a gap, and most members.
  const [cluster] = await graph.rows<{ key: string; name: string }>(
    `MATCH (c:Cluster {synthetic: false})-[:ACTIVE_IN]->(:Sector)
     WHERE COUNT { (:Organisation)-[:MEMBER_OF]->(c) } >= 2
     RETURN c.id AS key, c.name AS name ORDER BY COUNT { (:Organisation)-[:MEMBER_OF]->(c) } DESC, key LIMIT 1`,
  );
  if (!cluster) throw new Error('no curated cluster with a sector and members');
  const answer = await graph.graphql<{
    node: {
      valueChain: { chains: { stages: { verdict: string; stage: { key: string; name: string } }[] }[] };
    };
  }>(
    `query ($id: ID!) { node(id: $id) { ... on Cluster { valueChain { chains { stages { verdict stage { key name } } } } } } }`,
    { id: toGlobalId('Cluster', cluster.key) },
  );
  const gap = answer.data?.node.valueChain.chains
    .flatMap((chain) => chain.stages)
    .find((coverage) => coverage.verdict === 'GAP');
  if (!gap) throw new Error(`${cluster.key} has no gap in its value chain`);
  const [member] = await graph.rows<{ key: string; name: string }>(
    `MATCH (o:Organisation)-[:MEMBER_OF]->(:Cluster {id: $cluster}) RETURN o.id AS key, o.name AS name ORDER BY o.name LIMIT 1`,
    { cluster: cluster.key },
  );
  // An organisation outside the cluster, with a name the search finds on its own.
  const [outsider, listed] = await graph.rows<{ key: string; name: string }>(
    `MATCH (o:Organisation {synthetic: false}) WHERE NOT (o)-[:MEMBER_OF]->(:Cluster {id: $cluster})
       AND size(o.name) >= 12 AND NOT o.name CONTAINS ','
     RETURN o.id AS key, o.name AS name ORDER BY COUNT { (o)--() } DESC, o.id LIMIT 2`,
    { cluster: cluster.key },
  );
  if (!member || !outsider || !listed) throw new Error('no member or no organisation outside the cluster');
  fixture.cluster = {
    ...cluster,
    slug: cluster.key.replace(/^cluster:/, ''),
    id: toGlobalId('Cluster', cluster.key),
  };
  fixture.gap = gap.stage;
  fixture.member = member;
  fixture.outsider = outsider;
  fixture.listed = listed;
  const editor = await issueApiToken(graph.db, {
    name: 'Ana Editor',
    role: 'editor',
    clusterIds: [cluster.key],
    createdBy: 'the editing test',
  });
  const viewer = await issueApiToken(graph.db, {
    name: 'Victor Viewer',
    role: 'viewer',
    clusterIds: [],
    createdBy: 'the editing test',
  });
  fixture.editorToken = editor.secret;
  fixture.viewerToken = viewer.secret;
});

async function signIn(page: Page, url: string, token: string, next = '/') {
  await page.goto(`${url}/sign-in?next=${encodeURIComponent(next)}`);
  await page.getByTestId('token-input').fill(token);
  await page.getByTestId('sign-in').click();
}

async function signOut(page: Page) {
  if ((await page.getByTestId('sign-out').count()) > 0) await page.getByTestId('sign-out').click();
  await eventually(() => page.getByTestId('sign-in-link').count()).toBe(1);
}

/** The error shown beside a control, found as a screen reader finds it: through aria-describedby. */
async function describedError(page: Page, testId: string): Promise<string> {
  return page.getByTestId(testId).evaluate((control) => {
    const ids = (control.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
    return ids
      .map((id) => document.getElementById(id))
      .filter((element) => element?.classList.contains('form-field__error'))
      .map((element) => element?.textContent ?? '')
      .join(' ');
  });
}

const focusedTestId = (page: Page) =>
  page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.tagName);

async function membership(cluster: string, organisation: string) {
  const [row] = await graph.rows<{ role: string | null; since: string | null; version: number | null }>(
    `MATCH (:Organisation {id: $organisation})-[m:MEMBER_OF]->(:Cluster {id: $cluster})
     RETURN m.role AS role, m.since AS since, m.version AS version`,
    { cluster, organisation },
  );
  return row ?? null;
}

describe('editing a cluster from the dashboard', () => {
  it('refuses a wrong token beside the field, and a viewer at the editing page', async () => {
    const { page, url, errors } = dashboard;
    await signIn(page, url, 'cgt_not-a-token-anyone-made');
    await eventually(() => describedError(page, 'token-input')).toMatch(/not accepted/i);
    expect(await focusedTestId(page)).toBe('token-input');
    expect(await page.getByTestId('token-input').getAttribute('aria-invalid')).toBe('true');
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);

    await signIn(page, url, fixture.viewerToken, `/clusters/${fixture.cluster.slug}`);
    await eventually(() => page.getByTestId('signed-in-as').textContent()).toBe(
      'Signed in as Victor Viewer viewer',
    );
    await eventually(() => page.getByTestId('cluster-title').textContent()).toContain(fixture.cluster.name);
    expect(await page.getByTestId('edit-cluster').count()).toBe(0);
    await page.goto(`${url}/clusters/${fixture.cluster.slug}/edit`);
    await eventually(() => page.getByTestId('edit-refused').textContent()).toContain(
      'Victor Viewer, a viewer',
    );
    expect(await page.getByTestId('add-member').count()).toBe(0);
    await signOut(page);

    // Signed out, the editing page asks to sign in first, and comes back after.
    await page.goto(`${url}/clusters/${fixture.cluster.slug}/edit`);
    await eventually(() => page.getByTestId('sign-in-title').count()).toBe(1);
    expect(new URL(page.url()).searchParams.get('next')).toBe(`/clusters/${fixture.cluster.slug}/edit`);
    expect(errors.filter((error) => !/401|Unauthorized/i.test(error))).toEqual([]);
    errors.length = 0;
  });

  it("lets an editor change the cluster's members and stages, and the value chain follows", async () => {
    const { page, url, errors } = dashboard;
    const { cluster, gap, member, outsider } = fixture;
    await signIn(page, url, fixture.editorToken, `/clusters/${cluster.slug}`);
    await eventually(() => page.getByTestId('viewer-role').textContent()).toBe('editor');
    await page.getByTestId('edit-cluster').click();
    await eventually(() => page.getByTestId('edit-title').textContent()).toBe(`Edit ${cluster.name}`);
    const gapBox = page.locator(`[data-testid=edit-stage][data-stage="${gap.key}"]`).first();
    expect(await gapBox.getAttribute('data-verdict')).toBe('GAP');

    // The form's own check: nothing picked, an impossible date; the first bad field has the focus.
    const add = page.getByTestId('add-member');
    await add.getByTestId('add-member-since').fill('2019-02-30');
    await page.getByTestId('add-member-submit').click();
    await eventually(() => describedError(page, 'add-member-since')).toMatch(/ISO date that exists/);
    expect(await describedError(page, 'organisation-picker')).toMatch(/Choose the organisation/);
    expect(await focusedTestId(page)).toBe('organisation-picker');
    expect(await seriousViolations(page)).toEqual([]);

    // Add an organisation found by name; without a source the source panel says so first.
    await page.getByTestId('organisation-picker').fill(outsider.name);
    await page.locator('[data-testid=organisation-hit]', { hasText: outsider.name }).first().click();
    await add.getByTestId('add-member-since').fill('2021-03');
    await add.getByTestId('add-member-role').fill('associate member');
    await page.getByTestId('add-member-submit').click();
    await eventually(() => describedError(page, 'source-note')).toMatch(/needs a source/);
    expect(await focusedTestId(page)).toBe('source-note');
    await page.getByTestId('source-note').fill('Confirmed by the cluster manager in the browser test.');
    await page.getByTestId('add-member-submit').click();
    await eventually(() => page.getByTestId('member-added').textContent()).toContain(outsider.name);
    await eventually(() =>
      page.locator(`[data-testid=member-row][data-member="${outsider.key}"]`).count(),
    ).toBe(1);
    expect(await membership(cluster.key, outsider.key)).toMatchObject({
      role: 'associate member',
      since: '2021-03',
    });

    // Change a member's since; the API's version moves on.
    const row = page.locator(`[data-testid=member-row][data-member="${member.key}"]`);
    const before = await membership(cluster.key, member.key);
    await row.getByTestId('member-since').fill('2018');
    await row.getByTestId('save-member').click();
    await eventually(async () => (await membership(cluster.key, member.key))?.since).toBe('2018');
    expect((await membership(cluster.key, member.key))?.version).toBe((before?.version ?? 0) + 1);

    // Mark the gap stage as provided by the member: the strip and the value-chain view follow.
    await page.getByTestId('stages-member').selectOption({ label: member.name });
    await page.locator(`[data-testid=stage-check][data-stage="${gap.key}"]`).check();
    await page.getByTestId('save-stages').click();
    await eventually(() => page.getByTestId('stages-saved').count()).toBe(1);
    await eventually(() => gapBox.getAttribute('data-verdict')).not.toBe('GAP');
    const [provides] = await graph.rows<{ n: number }>(
      `MATCH (:Organisation {id: $organisation})-[p:PROVIDES]->(:ValueChainStage {id: $stage}) RETURN count(p) AS n`,
      { organisation: member.key, stage: gap.key },
    );
    expect(provides?.n).toBe(1);
    await screenshot(page, 'cluster-edit');

    await page.getByTestId('open-value-chain').click();
    const chainBox = page.getByTestId('stage-box').filter({ hasText: gap.name }).first();
    await eventually(() => chainBox.getAttribute('data-verdict')).not.toBe('GAP');
    await chainBox.click();
    await eventually(() => page.getByTestId('stage-members').textContent()).toContain(member.name);

    // A list file: a bad line is named and nothing is written; the right file adds its member.
    // Back on the editing page, whose source panel starts empty again.
    await page.goBack();
    await eventually(() => page.getByTestId('edit-title').count()).toBe(1);
    await page.getByTestId('source-note').fill('The member list the cluster manager sent.');
    const list = page.getByTestId('member-list');
    await list.getByTestId('member-list-file').setInputFiles({
      name: 'members.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        `name,role,since\n${fixture.listed.name},member,2020\nNo Such Organisation Anywhere,member,2019-02-30\n`,
      ),
    });
    await eventually(() => list.getByTestId('member-list-problems').textContent()).toMatch(
      /Line 3: .*ISO date that exists/,
    );
    expect(await list.getByTestId('member-list-add').isDisabled()).toBe(true);
    expect(await membership(cluster.key, fixture.listed.key)).toBeNull();
    await list.getByTestId('member-list-file').setInputFiles({
      name: 'members.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`name,role,since\n${fixture.listed.name},member,2020\n`),
    });
    await eventually(() => list.getByTestId('member-list-add').textContent()).toBe('Add 1 member');
    await list.getByTestId('member-list-add').click();
    await eventually(() => list.getByTestId('member-list-add').textContent()).toBe('All added');
    expect(await membership(cluster.key, fixture.listed.key)).toMatchObject({
      role: 'member',
      since: '2020',
    });
    await eventually(() =>
      page.locator(`[data-testid=member-row][data-member="${fixture.listed.key}"]`).count(),
    ).toBe(1);

    // Remove the member added above.
    await page.getByTestId('source-note').fill('Left the cluster, says its manager.');
    await page
      .locator(`[data-testid=member-row][data-member="${outsider.key}"]`)
      .getByTestId('remove-member')
      .click();
    await eventually(() =>
      page.locator(`[data-testid=member-row][data-member="${outsider.key}"]`).count(),
    ).toBe(0);
    expect(await membership(cluster.key, outsider.key)).toBeNull();

    // Record a need: it is listed and in the graph, tied to the cluster.
    await page
      .getByTestId('need-text')
      .fill('Shared testing facilities for technical textiles near the members.');
    await page.getByTestId('need-kind').selectOption('GAP');
    await page.getByTestId('record-need').click();
    await eventually(() => page.getByTestId('cluster-needs').textContent()).toContain(
      'Shared testing facilities',
    );
    expect(
      await graph.count(
        `MATCH (n:Need)-[:IDENTIFIED_IN]->(:Cluster {id: $cluster}) WHERE n.text STARTS WITH 'Shared testing facilities' RETURN count(n)`,
        { cluster: cluster.key },
      ),
    ).toBe(1);
    expect(errors).toEqual([]);
  });

  it('says when someone else changed a membership first, and reloads their version', async () => {
    const { page, url, errors } = dashboard;
    const { cluster, member } = fixture;
    await page.goto(`${url}/clusters/${cluster.slug}/edit`);
    await eventually(() => page.getByTestId('edit-title').textContent()).toBe(`Edit ${cluster.name}`);
    const current = await membership(cluster.key, member.key);

    // Another editor's write, through the API, after this page loaded the membership.
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${fixture.editorToken}` },
      body: JSON.stringify({
        query: `mutation ($input: UpdateClusterMemberInput!) { updateClusterMember(input: $input) { changeId } }`,
        variables: {
          input: {
            clusterId: cluster.id,
            organisationId: toGlobalId('Organisation', member.key),
            version: current?.version ?? 0,
            role: 'board member',
            since: current?.since ?? null,
            source: { note: 'The other editor' },
          },
        },
      }),
    });
    expect(((await response.json()) as { errors?: unknown }).errors).toBeUndefined();

    const row = page.locator(`[data-testid=member-row][data-member="${member.key}"]`);
    await page.getByTestId('source-note').fill('My change, made on an old page.');
    await row.getByTestId('member-role').fill('treasurer');
    await row.getByTestId('save-member').click();
    await eventually(() => row.getByTestId('conflict').count()).toBe(1);
    expect((await membership(cluster.key, member.key))?.role).toBe('board member');
    await row.getByTestId('reload').click();
    await eventually(() => row.getByTestId('member-role').inputValue()).toBe('board member');
    expect(await row.getByTestId('conflict').count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
