import type { Database } from '../database.ts';
import { type Edit, type Props, updateFacts } from './edit.ts';

export const CLUSTER_FIELDS = [
  'name',
  'nameLocal',
  'acronym',
  'aliases',
  'description',
  'website',
  'foundedOn',
  'declaredMemberCount',
  'declaredMemberCountOn',
] as const;

/** Changes a cluster's declared facts (names, website, founding date, declared member count). */
export const updateCluster = (
  db: Database,
  edit: Edit,
  input: { id: string; globalId: string; version: number; changes: Props },
) => updateFacts(db, edit, 'Cluster', input);
