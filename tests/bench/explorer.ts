/**
 * `pnpm bench:explorer [--tier S|M] [--nodes 5000] [--runs 3]`: the network explorer in Debian's
 * Chromium (headless, software rendering) on a synthetic tier: time from navigation to the
 * network drawn (API answer, layout in the worker, cytoscape's first frame), the layout and draw
 * parts apart, and frames per second while zooming and panning with the mouse wheel and drags.
 * Starts its own Neo4j on a free port and the server with the built dashboard (web/dist).
 */

import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadSyntheticTier } from '@clustergraph/seed/synthetic';
import { startServer } from '@clustergraph/server';
import { freePort, startLocalNeo4j } from '@clustergraph/server/local-neo4j';
import { createLogger } from '@clustergraph/server/logger';
import neo4j from 'neo4j-driver';
import { chromium } from 'playwright-core';

const { values } = parseArgs({
  options: {
    tier: { type: 'string', default: 'M' },
    nodes: { type: 'string', default: '5000' },
    runs: { type: 'string', default: '3' },
  },
});
const tier = values.tier as 'S' | 'M';
const nodes = Number(values.nodes);
const runs = Number(values.runs);
const WEB_DIST = fileURLToPath(new URL('../../web/dist', import.meta.url));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

const dataDir = await mkdtemp(join(tmpdir(), 'clustergraph-bench-explorer-'));
const local = await startLocalNeo4j({ dataDir, boltPort: await freePort(), heap: '1g', pageCache: '256m' });
const driver = neo4j.driver(local.uri, neo4j.auth.basic('neo4j', ''));
try {
  await loadSyntheticTier(driver, { tier, seed: 1 });
  const server = await startServer(
    {
      port: 0,
      host: '127.0.0.1',
      neo4jUri: local.uri,
      neo4jUser: 'neo4j',
      neo4jPassword: '',
      neo4jDatabase: undefined,
      logLevel: 'silent',
      webDist: WEB_DIST,
    },
    createLogger('silent'),
  );
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu'],
  });
  const path = `/network?first=${nodes}`;
  // Once to fill the server's metric cache: the figures below are for cached metrics (issue 9).
  const warm = await browser.newPage({ viewport: { width: 1360, height: 900 } });
  await warm.goto(`${server.url}${path}`);
  await warm.locator('[data-testid=explorer-canvas][data-ready=true]').waitFor({ timeout: 600_000 });
  await warm.close();

  const rows: { total: number; layout: number; draw: number; nodes: number; edges: number; fps: number }[] =
    [];
  for (let run = 0; run < runs; run++) {
    const page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
    const started = performance.now();
    await page.goto(`${server.url}${path}`);
    const canvas = page.locator('[data-testid=explorer-canvas][data-ready=true]');
    await canvas.waitFor({ timeout: 600_000 });
    const total = performance.now() - started;
    const data = {
      layoutMs: await canvas.getAttribute('data-layout-ms'),
      drawMs: await canvas.getAttribute('data-draw-ms'),
      nodeCount: await canvas.getAttribute('data-node-count'),
      edgeCount: await canvas.getAttribute('data-edge-count'),
    };
    const box = await canvas.boundingBox();
    if (!box) throw new Error('no canvas');
    // Frames while the user zooms and pans for two seconds.
    // A string, not a function: tsx's transform would add a helper the page does not have.
    await page.evaluate(`(() => {
      window.framesCounted = 0;
      window.counting = true;
      const tick = () => {
        if (!window.counting) return;
        window.framesCounted++;
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    })()`);
    const begun = performance.now();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    while (performance.now() - begun < 2_000) {
      await page.mouse.wheel(0, -120);
      await page.mouse.down();
      await page.mouse.move(box.x + box.width / 2 + 40, box.y + box.height / 2 + 20, { steps: 4 });
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 4 });
      await page.mouse.up();
      await page.mouse.wheel(0, 120);
    }
    const elapsed = (performance.now() - begun) / 1000;
    const frames = Number(
      await page.evaluate('(() => { window.counting = false; return window.framesCounted; })()'),
    );
    rows.push({
      total,
      layout: Number(data.layoutMs),
      draw: Number(data.drawMs),
      nodes: Number(data.nodeCount),
      edges: Number(data.edgeCount),
      fps: frames / elapsed,
    });
    await page.close();
  }
  await browser.close();
  await server.stop();
  console.log(`\nnetwork explorer, tier ${tier}, first=${nodes}, ${runs} runs (cached metrics)`);
  console.log(
    '| run | nodes | ties | navigation to drawn ms | layout (worker) ms | cytoscape draw ms | fps zoom+pan |',
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  for (const [index, row] of rows.entries()) {
    console.log(
      `| ${index + 1} | ${row.nodes} | ${row.edges} | ${Math.round(row.total)} | ${row.layout} | ${row.draw} | ${row.fps.toFixed(1)} |`,
    );
  }
  console.log(
    `| median | | | ${Math.round(median(rows.map((r) => r.total)))} | ${median(rows.map((r) => r.layout))} | ${median(rows.map((r) => r.draw))} | ${median(rows.map((r) => r.fps)).toFixed(1)} |`,
  );
  console.log(
    `machine: ${cpus().length} cores, ${cpus()[0]?.model}, load ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}`,
  );
} finally {
  await driver.close();
  await local.stop();
  await rm(dataDir, { recursive: true, force: true });
}
