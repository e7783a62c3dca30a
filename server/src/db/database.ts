import neo4j, { type Driver, type QueryResult, type RecordShape, routing } from 'neo4j-driver';
import { toDomainError } from './errors.ts';

export type Params = Record<string, unknown>;

/** JavaScript numbers travel as floats; indexes, SKIP and LIMIT need Cypher integers. */
export const cypherInt = (value: number) => neo4j.int(value);

export type DatabaseOptions = {
  uri: string;
  user?: string;
  password?: string;
  database?: string | undefined;
};

/**
 * The server's only gateway to Neo4j, for reads: every query is one managed transaction (one round
 * trip) sent with read routing, so a cluster or Aura spreads reads over its secondaries. Writes go
 * through @clustergraph/ingest, the one write path. The
 * counter lets tests prove that a request's round trips do not grow with its lists.
 */
export class Database {
  readonly driver: Driver;
  /** The database asked for; undefined for the server's default. */
  readonly name: string | undefined;
  roundTrips = 0;

  constructor(options: DatabaseOptions) {
    const auth = options.password ? neo4j.auth.basic(options.user ?? 'neo4j', options.password) : undefined;
    this.driver = neo4j.driver(options.uri, auth, {
      disableLosslessIntegers: true,
      maxConnectionPoolSize: 50,
      connectionAcquisitionTimeout: 10_000,
      userAgent: 'clustergraph',
    });
    this.name = options.database;
  }

  read<Row extends RecordShape = RecordShape>(cypher: string, params: Params = {}): Promise<Row[]> {
    return this.#run<Row>(cypher, params);
  }

  async #run<Row extends RecordShape>(cypher: string, params: Params): Promise<Row[]> {
    this.roundTrips += 1;
    try {
      const result: QueryResult<Row> = await this.driver.executeQuery<QueryResult<Row>>(cypher, params, {
        routing: routing.READ,
        database: this.name,
      });
      return result.records.map((record) => record.toObject());
    } catch (error) {
      throw toDomainError(error);
    }
  }

  async ping(): Promise<void> {
    await this.driver.verifyConnectivity({ database: this.name });
  }

  close(): Promise<void> {
    return this.driver.close();
  }
}
