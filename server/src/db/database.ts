import neo4j, {
  type Driver,
  type ManagedTransaction,
  type QueryResult,
  type RecordShape,
  routing,
} from 'neo4j-driver';
import CircuitBreaker from 'opossum';
import type { Logger } from 'pino';
import { DatabaseUnavailableError, isUnavailability, toDomainError } from './errors.ts';

export type Params = Record<string, unknown>;
export type { ManagedTransaction };

/** JavaScript numbers travel as floats; indexes, SKIP and LIMIT need Cypher integers. */
export const cypherInt = (value: number) => neo4j.int(value);

/**
 * How long a request may wait for Neo4j, and how soon the server notices it is back. The
 * README's runbook names the variables that set them (config.ts).
 */
export type ResilienceSettings = {
  /** A statement that has not answered by then is abandoned (a frozen database never answers). */
  queryTimeoutMs: number;
  /** Opening a TCP connection to Neo4j. */
  connectionTimeoutMs: number;
  /** Waiting for a free connection of the pool. */
  acquisitionTimeoutMs: number;
  /** The driver retries transient failures (unreachable, leader switch) for at most this long. */
  maxRetryTimeMs: number;
  /** Pooled connections are replaced after this long, so none outlives a failover for good. */
  maxConnectionLifetimeMs: number;
  /** A pooled connection idle for longer than this is checked before it is handed out. */
  livenessCheckMs: number;
  /**
   * Once failures pile up, statements fail at once for this long instead of waiting their
   * timeout; then one trial statement decides whether Neo4j is back. Also the Retry-After.
   */
  retryAfterMs: number;
};

export const DEFAULT_RESILIENCE: ResilienceSettings = {
  queryTimeoutMs: 5_000,
  connectionTimeoutMs: 2_000,
  acquisitionTimeoutMs: 3_000,
  maxRetryTimeMs: 1_000,
  maxConnectionLifetimeMs: 30 * 60_000,
  livenessCheckMs: 30_000,
  retryAfterMs: 2_000,
};

export type DatabaseOptions = {
  uri: string;
  user?: string | undefined;
  password?: string | undefined;
  database?: string | undefined;
  resilience?: Partial<ResilienceSettings>;
  /** Where the circuit's changes (Neo4j lost, Neo4j back) are logged. */
  logger?: Logger;
};

type Work = () => Promise<unknown>;

/**
 * The server's only gateway to Neo4j, for reads: every query is one managed transaction (one round
 * trip) sent with read routing, so a cluster or Aura spreads reads over its secondaries. Writes go
 * through @clustergraph/ingest, the one write path. The counter lets tests prove that a request's
 * round trips do not grow with its lists.
 *
 * Every statement goes through a circuit breaker (opossum): it bounds each statement's wait, and
 * after repeated failures to reach Neo4j it fails the next ones at once, with the reason, until
 * a trial statement gets through. Statement errors (bad Cypher, constraint violations) do not
 * count as failures: only the database's absence does.
 */
export class Database {
  readonly driver: Driver;
  /** The database asked for; undefined for the server's default. */
  readonly name: string | undefined;
  readonly settings: ResilienceSettings;
  roundTrips = 0;
  readonly #breaker: CircuitBreaker<[Work], unknown>;
  #lastFailure: unknown;

  constructor(options: DatabaseOptions) {
    this.settings = { ...DEFAULT_RESILIENCE, ...options.resilience };
    const settings = this.settings;
    const auth = options.password ? neo4j.auth.basic(options.user ?? 'neo4j', options.password) : undefined;
    this.driver = neo4j.driver(options.uri, auth, {
      disableLosslessIntegers: true,
      maxConnectionPoolSize: 50,
      connectionAcquisitionTimeout: settings.acquisitionTimeoutMs,
      connectionTimeout: settings.connectionTimeoutMs,
      maxTransactionRetryTime: settings.maxRetryTimeMs,
      maxConnectionLifetime: settings.maxConnectionLifetimeMs,
      connectionLivenessCheckTimeout: settings.livenessCheckMs,
      userAgent: 'clustergraph',
    });
    this.name = options.database;
    this.#breaker = new CircuitBreaker((work: Work) => work(), {
      timeout: settings.queryTimeoutMs,
      resetTimeout: settings.retryAfterMs,
      // Open when at least half of the last 10 s of statements (and at least 3) could not reach Neo4j.
      errorThresholdPercentage: 50,
      volumeThreshold: 3,
      rollingCountTimeout: 10_000,
      errorFilter: (error: unknown) => !isUnavailability(error),
    });
    this.#breaker.on('failure', (error: unknown) => {
      this.#lastFailure = error;
    });
    const log = options.logger;
    if (log) {
      this.#breaker.on('open', () =>
        log.warn(
          { err: this.#lastFailure, retryAfterMs: settings.retryAfterMs },
          'Neo4j unreachable: statements fail at once until a trial gets through',
        ),
      );
      this.#breaker.on('close', () => log.info('Neo4j answers again'));
    }
  }

  get retryAfterSeconds(): number {
    return Math.max(1, Math.ceil(this.settings.retryAfterMs / 1000));
  }

  /** False while the circuit is open: Neo4j is known to be unreachable, nothing is sent to it. */
  get available(): boolean {
    return !this.#breaker.opened;
  }

  /** Why the database is unavailable now, for /ready and the refusal of a request. */
  unavailableError(options: { beforeExecution?: boolean } = {}): DatabaseUnavailableError {
    const last = this.#lastFailure;
    const lastMessage = last instanceof Error ? last.message : 'repeated failures';
    return new DatabaseUnavailableError(last, {
      retryAfterSeconds: this.retryAfterSeconds,
      reason: `Neo4j could not be reached (${lastMessage}); the next attempt is within ${this.retryAfterSeconds} s`,
      ...options,
    });
  }

  read<Row extends RecordShape = RecordShape>(cypher: string, params: Params = {}): Promise<Row[]> {
    return this.#run<Row>(cypher, params);
  }

  async #guarded<T>(work: () => Promise<T>): Promise<T> {
    try {
      return (await this.#breaker.fire(work)) as T;
    } catch (error) {
      if ((error as { code?: unknown }).code === 'EOPENBREAKER') throw this.unavailableError();
      if ((error as { code?: unknown }).code === 'ETIMEDOUT') {
        throw new DatabaseUnavailableError(error, {
          retryAfterSeconds: this.retryAfterSeconds,
          reason: `Neo4j did not answer within ${this.settings.queryTimeoutMs} ms`,
        });
      }
      throw toDomainError(error, this.retryAfterSeconds);
    }
  }

  #run<Row extends RecordShape>(cypher: string, params: Params): Promise<Row[]> {
    this.roundTrips += 1;
    return this.#guarded(async () => {
      const result: QueryResult<Row> = await this.driver.executeQuery<QueryResult<Row>>(cypher, params, {
        routing: routing.READ,
        database: this.name,
      });
      return result.records.map((record) => record.toObject());
    });
  }

  /**
   * One write transaction, managed by the driver: a transient failure (a deadlock between two
   * writers, a leader switch) runs `work` again, so `work` must only talk to the transaction.
   * Errors `work` throws (CONFLICT, NOT_FOUND) roll it back and reach the caller as they are.
   */
  write<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    this.roundTrips += 1;
    return this.#guarded(async () => {
      // The bookmark manager executeQuery uses: reads after this write see it, on a cluster too.
      const session = this.driver.session({
        database: this.name,
        defaultAccessMode: neo4j.session.WRITE,
        bookmarkManager: this.driver.executeQueryBookmarkManager,
      });
      try {
        return await session.executeWrite(work);
      } finally {
        await session.close();
      }
    });
  }

  /** Neo4j answers (through the breaker, so a frozen database fails in bounded time). */
  async ping(): Promise<void> {
    await this.#guarded(() => this.driver.verifyConnectivity({ database: this.name }));
  }

  close(): Promise<void> {
    this.#breaker.shutdown();
    return this.driver.close();
  }
}
