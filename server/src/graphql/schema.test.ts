import { readFileSync } from 'node:fs';
import { printSchema } from 'graphql';
import { expect, it } from 'vitest';
import { schema } from './schema.ts';

it('the committed schema/schema.graphql is the printed schema (run `pnpm schema:print` after a change)', () => {
  const committed = readFileSync(new URL('../../../schema/schema.graphql', import.meta.url), 'utf8');
  expect(`${printSchema(schema)}\n`).toBe(committed);
});
