import { parseArgs } from 'node:util';
import type { Driver } from '@clustergraph/ingest';
import { isTier, TIERS, type Tier } from './generate.ts';
import { loadSyntheticTier } from './load.ts';

export type SyntheticArgs = { tier: Tier; seed: number };

/** `--tier S|M|L` (default S) and `--seed N` (a non-negative integer, default 1). */
export function parseSyntheticArgs(args: readonly string[]): SyntheticArgs {
  const { values } = parseArgs({
    args: [...args],
    options: { tier: { type: 'string', default: 'S' }, seed: { type: 'string', default: '1' } },
    strict: true,
  });
  const tier = (values.tier ?? 'S').toUpperCase();
  if (!isTier(tier))
    throw new Error(`--tier must be one of ${Object.keys(TIERS).join(', ')}, got "${values.tier}"`);
  const seed = Number(values.seed);
  if (!Number.isSafeInteger(seed) || seed < 0)
    throw new Error(`--seed must be a whole number ≥ 0, got "${values.seed}"`);
  return { tier, seed };
}

/** `pnpm seed:synthetic --tier S|M|L [--seed N]`: replaces the synthetic data with that tier. */
export async function runSyntheticCli(
  driver: Driver,
  args: readonly string[],
  database?: string,
): Promise<void> {
  const { tier, seed } = parseSyntheticArgs(args.filter((arg) => arg !== '--'));
  const started = performance.now();
  const load = await loadSyntheticTier(driver, { tier, seed, database });
  const { generateMs, validateMs, deleteMs, writeMs } = load.timings;
  console.log(
    `Loaded synthetic tier ${tier} (seed ${seed}): ${load.nodes} nodes, ${load.relationships} relationships ` +
      `in ${Math.round(performance.now() - started)} ms (generate ${generateMs}, validate ${validateMs}, ` +
      `delete previous ${load.deletedNodes} nodes ${deleteMs}, write ${writeMs}). ` +
      `${load.incompleteValueChains.length} clusters have an incomplete value chain.`,
  );
}
