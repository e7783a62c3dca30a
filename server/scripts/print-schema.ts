/** Writes the printed SDL to schema/schema.graphql; the contract test fails when it drifts. */
import { writeFileSync } from 'node:fs';
import { printSchema } from 'graphql';
import { schema } from '../src/graphql/schema.ts';

export const SDL_PATH = new URL('../../schema/schema.graphql', import.meta.url);

writeFileSync(SDL_PATH, `${printSchema(schema)}\n`);
console.log(`wrote ${SDL_PATH.pathname}`);
