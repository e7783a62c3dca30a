export { buildClusterNetwork, buildRegionNetwork } from './aggregate.ts';
export { buildNetwork } from './build.ts';
export { NetworkFilterError, normaliseFilter, regionMatcher, regionRollUp } from './filter.ts';
export { h2020CooperationData } from './h2020-file.ts';
export {
  type CommonPartner,
  commonPartners,
  cooperationPath,
  type EgoNetwork,
  egoNetwork,
  hopDistances,
  type PathHop,
} from './neighbourhoods.ts';
export { buildOrganisationNetwork } from './organisation-network.ts';
export {
  type DateRange,
  type DateSpan,
  dateRange,
  overlaps,
  PartialDateError,
  partialDateSpan,
} from './partial-dates.ts';
export * from './types.ts';
