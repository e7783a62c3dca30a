import { relationshipEntry } from '@clustergraph/ingest';
import { NotFoundError } from '../../graphql/errors.ts';
import type { Database } from '../database.ts';
import { type Edit, runEdit } from './edit.ts';

export type StageKeys = {
  organisationId: string;
  stageId: string;
  organisationGlobalId: string;
  stageGlobalId: string;
};

/**
 * Marks a value-chain stage provided by an organisation (PROVIDES). Already provided: the source
 * is added to the ones stating it, nothing else changes.
 */
export async function markStageProvided(db: Database, edit: Edit, keys: StageKeys) {
  return runEdit(db, edit, async (tx, source) => {
    const result = await tx.run(
      `OPTIONAL MATCH (o:Organisation {id: $organisationId}) OPTIONAL MATCH (s:ValueChainStage {id: $stageId})
       CALL (o, s) {
         WITH o, s WHERE o IS NOT NULL AND s IS NOT NULL
         MERGE (o)-[r:PROVIDES]->(s)
         ON CREATE SET r.sources = [], r.origin = 'CURATED', r._created = true
         WITH r, coalesce(r._created, false) AS created, r.sources AS before
         SET r.sources = CASE WHEN $source IN r.sources THEN r.sources ELSE r.sources + $source END
         REMOVE r._created
         RETURN created, before, r.sources AS after
       }
       RETURN o IS NOT NULL AS organisation, s IS NOT NULL AS stage, created, before, after`,
      { ...keys, source },
    );
    const record = result.records[0]?.toObject() as
      | { organisation: boolean; stage: boolean; created: boolean; before: string[]; after: string[] }
      | undefined;
    if (!record?.organisation) throw new NotFoundError(keys.organisationGlobalId, 'organisation');
    if (!record.stage) throw new NotFoundError(keys.stageGlobalId, 'value-chain stage');
    const entry = record.created
      ? relationshipEntry('PROVIDES', keys.organisationId, keys.stageId, null, {
          sources: record.after,
          origin: 'CURATED',
        })
      : relationshipEntry(
          'PROVIDES',
          keys.organisationId,
          keys.stageId,
          { sources: record.before },
          { sources: record.after },
        );
    return { result: keys, entries: [entry] };
  });
}

/** No longer provided: the PROVIDES relationship goes, whoever stated it (the audit keeps it). */
export async function unmarkStageProvided(db: Database, edit: Edit, keys: StageKeys) {
  return runEdit(db, edit, async (tx) => {
    const result = await tx.run(
      `MATCH (:Organisation {id: $organisationId})-[r:PROVIDES]->(:ValueChainStage {id: $stageId})
       WITH r, properties(r) AS props DELETE r RETURN props`,
      keys,
    );
    const props = result.records[0]?.get('props') as Record<string, unknown> | undefined;
    if (!props) throw new NotFoundError(keys.stageGlobalId, `stage provided by ${keys.organisationGlobalId}`);
    return {
      result: keys,
      entries: [relationshipEntry('PROVIDES', keys.organisationId, keys.stageId, props, null)],
    };
  });
}
