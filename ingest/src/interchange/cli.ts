/**
 * `pnpm run export [--cluster <id>] [--out <file.json>]`: the graph (no synthetic data), or one
 * cluster's subgraph, in the interchange format that `pnpm run import json <file>` reads.
 * Without --out it goes to standard output.
 */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { connectFromEnv } from '../connect.ts';
import { exportInterchange, formatInterchange } from './export.ts';

const { values } = parseArgs({
  options: {
    cluster: { type: 'string' },
    out: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  console.log('Usage: pnpm run export [--cluster <id>] [--out <file.json>]');
  process.exit(0);
}
const { uri, database, driver } = connectFromEnv();
try {
  await driver.verifyConnectivity().catch((error: Error) => {
    throw new Error(
      `Cannot reach Neo4j at ${uri} (${error.message}). Start it with \`pnpm neo4j start\`, or set NEO4J_URI.`,
    );
  });
  const document = await exportInterchange(driver, { clusterId: values.cluster, database });
  const text = formatInterchange(document);
  if (values.out) {
    const path = resolve(process.env.INIT_CWD ?? process.cwd(), values.out);
    await writeFile(path, text);
    console.error(
      `Wrote ${document.nodes.length} nodes and ${document.relationships.length} relationships to ${path}.`,
    );
  } else process.stdout.write(text);
} catch (error) {
  console.error(`Error: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await driver.close();
}
