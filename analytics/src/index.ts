/**
 * Analyses of the cooperation graph as pure functions over plain data and graphology graphs:
 * no driver, no GraphQL, usable in the server and the browser alike.
 *
 * - networks/: `buildNetwork(data, filter)` turns plain rows into a weighted cooperation network
 *   (organisations, clusters or regions), plus neighbourhoods, common partners and paths.
 * - metrics/: one file per metric and a registry; `computeMetrics(network, ids, options)`.
 */

export * from './demand-supply/index.ts';
export * from './matchmaking/index.ts';
export * from './metrics/index.ts';
export * from './networks/index.ts';
export * from './partners/index.ts';
export * from './regions/index.ts';
export * from './value-chains/index.ts';
