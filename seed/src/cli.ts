/**
 * `pnpm seed` loads the curated graph; `pnpm seed:synthetic --tier S|M|L [--seed N]` a generated
 * one. Both write to NEO4J_URI, or to the local Neo4j that `pnpm start` (or `pnpm neo4j start`) runs.
 */
import { connectFromEnv, DatasetInvalidError } from '@clustergraph/ingest';
import { loadCurated } from './curated.ts';

const { uri, database, driver } = connectFromEnv();

const [command, ...args] = process.argv.slice(2);
try {
  await driver.verifyConnectivity().catch((error: Error) => {
    throw new Error(
      `Cannot reach Neo4j at ${uri} (${error.message}). Start it with \`pnpm neo4j start\` or \`pnpm start\`, or set NEO4J_URI.`,
    );
  });
  if (command === 'curated') {
    const started = performance.now();
    const loaded = await loadCurated(driver, { database });
    console.log(
      `Loaded the curated graph: ${loaded.nodes} nodes, ${loaded.relationships} relationships in ${Math.round(performance.now() - started)} ms.`,
    );
  } else if (command === 'synthetic') {
    const { runSyntheticCli } = await import('./synthetic/cli.ts');
    await runSyntheticCli(driver, args, database);
  } else {
    throw new Error(`Unknown command "${command}": use curated or synthetic.`);
  }
} catch (error) {
  console.error(error instanceof DatasetInvalidError ? error.message : `Error: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await driver.close();
}
