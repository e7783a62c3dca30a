import { builder } from './builder.ts';
import { checkFieldReads } from './reads.ts';
import './analytics/network.ts';
import './analytics/demand-supply.ts';
import './analytics/region-profile.ts';
import './analytics/value-chains.ts';
import './analytics/value-chains-matching.ts';
import './mutations/api-tokens.ts';
import './mutations/clusters.ts';
import './mutations/memberships.ts';
import './mutations/needs.ts';
import './mutations/organisations.ts';
import './mutations/stages.ts';
import './types/change.ts';
import './types/cluster.ts';
import './types/node.ts';
import './types/organisation.ts';
import './types/partnership.ts';
import './types/pilot-action.ts';
import './types/programme.ts';
import './types/project.ts';
import './types/region.ts';
import './types/sector.ts';
import './types/source.ts';
import './types/viewer.ts';

export const schema = builder.toSchema({ sortSchema: true });

// A field that does not say what it reads is refused here, before any request (reads.ts).
checkFieldReads(schema);
