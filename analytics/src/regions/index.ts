export {
  AGGREGATE_GROUPS,
  AGGREGATE_MEASURES,
  type AggregateFilter,
  type AggregateGroup,
  AggregateInputError,
  type AggregateMeasure,
  aggregate,
  GROUPS_OF_MEASURE,
  type GroupValue,
} from './aggregates.ts';
export { HELICES, type Helix, helixOf, isBusiness, isKnowledge } from './helix.ts';
export * from './profile.ts';
