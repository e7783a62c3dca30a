import {
  buildNetwork,
  type CooperationData,
  computeMetrics,
  EcosystemAnalysis,
  type MetricId,
  type MetricResult,
  type Network,
  type NetworkFilter,
  normaliseFilter,
} from '@clustergraph/analytics';
import { readCooperationData, readDatasetVersion } from '../../db/analytics/cooperation.ts';
import { type DemandSupplyFacts, readDemandSupply } from '../../db/analytics/demand-supply.ts';
import { type EcosystemWithRows, readEcosystem } from '../../db/analytics/value-chains.ts';
import type { Database } from '../../db/database.ts';

/** How many filtered networks (with their metrics) one dataset version keeps. */
const NETWORKS_KEPT = 24;

type CachedNetwork = { network: Network; metrics: Map<MetricId, MetricResult> };

/** The value-chain analyses of one dataset version, with the rows the API returns. */
export type ValueChainAnalyses = { analysis: EcosystemAnalysis; stageRows: EcosystemWithRows['stageRows'] };

type Version = {
  version: string;
  /** Read on first demand: a request for networks does not read the value-chain facts, nor the reverse. */
  data: Promise<CooperationData> | null;
  valueChains: Promise<ValueChainAnalyses> | null;
  demandSupply: Promise<DemandSupplyFacts> | null;
  networks: Map<string, CachedNetwork>;
};

/**
 * Networks and their metrics, and the value-chain analyses (coverages, the stage index), computed
 * once per dataset version and kept for every request until the version changes (see
 * readDatasetVersion): a request costs one round trip for the version, and one more only when
 * the data must be read again.
 */
export class AnalyticsCache {
  #current: Version | null = null;
  /** How often the data was read and networks and metrics computed, for tests and the bench. */
  readonly counts = { dataReads: 0, networksBuilt: 0, metricsComputed: 0, ecosystemReads: 0 };

  constructor(private readonly db: Database) {}

  async #version(): Promise<Version> {
    const version = await readDatasetVersion(this.db);
    if (this.#current?.version !== version)
      this.#current = { version, data: null, valueChains: null, demandSupply: null, networks: new Map() };
    return this.#current;
  }

  /** A promise kept on the version, forgotten if it fails so the next request tries again. */
  #kept<K extends 'data' | 'valueChains' | 'demandSupply'>(
    current: Version,
    key: K,
    read: () => NonNullable<Version[K]>,
  ): NonNullable<Version[K]> {
    const kept = current[key];
    if (kept) return kept as NonNullable<Version[K]>;
    const promise = read();
    current[key] = promise;
    promise.catch(() => {
      if (current[key] === promise) current[key] = null;
    });
    return promise;
  }

  #data(current: Version): Promise<CooperationData> {
    return this.#kept(current, 'data', () => {
      this.counts.dataReads += 1;
      return readCooperationData(this.db);
    });
  }

  /** The value-chain analyses of the current dataset version, warmed (every coverage computed). */
  async valueChains(): Promise<ValueChainAnalyses & { version: string }> {
    const current = await this.#version();
    const analyses = await this.#kept(current, 'valueChains', () => {
      this.counts.ecosystemReads += 1;
      return readEcosystem(this.db).then(({ ecosystem, stageRows }) => ({
        analysis: new EcosystemAnalysis(ecosystem).warm(),
        stageRows,
      }));
    });
    return { ...analyses, version: current.version };
  }

  /** Needs and the offers that may answer them, read once per dataset version. */
  async demandSupply(): Promise<DemandSupplyFacts> {
    const current = await this.#version();
    return this.#kept(current, 'demandSupply', () => readDemandSupply(this.db));
  }

  async data(): Promise<{ version: string; data: CooperationData }> {
    const current = await this.#version();
    return { version: current.version, data: await this.#data(current) };
  }

  async network(
    filter: NetworkFilter,
  ): Promise<{ version: string; data: CooperationData; entry: CachedNetwork }> {
    const key = normaliseFilter(filter).key;
    const current = await this.#version();
    const data = await this.#data(current);
    let entry = current.networks.get(key);
    if (entry) {
      current.networks.delete(key);
    } else {
      this.counts.networksBuilt += 1;
      entry = { network: buildNetwork(data, filter), metrics: new Map() };
      if (current.networks.size >= NETWORKS_KEPT) {
        const oldest = current.networks.keys().next().value;
        if (oldest !== undefined) current.networks.delete(oldest);
      }
    }
    current.networks.set(key, entry);
    return { version: current.version, data, entry };
  }

  metrics(entry: CachedNetwork, ids: readonly MetricId[]): Map<MetricId, MetricResult> {
    const missing = ids.filter((id) => !entry.metrics.has(id));
    if (missing.length > 0) {
      this.counts.metricsComputed += missing.length;
      const computed = computeMetrics(entry.network, missing);
      for (const id of missing) entry.metrics.set(id, computed[id] as MetricResult);
    }
    return new Map(ids.map((id) => [id, entry.metrics.get(id) as MetricResult]));
  }
}

const caches = new WeakMap<Database, AnalyticsCache>();

/** The cache of one server (one Database), shared by all its requests. */
export function analyticsCacheOf(db: Database): AnalyticsCache {
  let cache = caches.get(db);
  if (!cache) {
    cache = new AnalyticsCache(db);
    caches.set(db, cache);
  }
  return cache;
}
