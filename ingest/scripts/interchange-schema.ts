/** Writes interchange/interchange.schema.json from the model: `pnpm --filter @clustergraph/ingest interchange-schema`. */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { interchangeJsonSchema } from '../src/interchange/schema.ts';

const path = fileURLToPath(new URL('../interchange/interchange.schema.json', import.meta.url));
writeFileSync(path, `${JSON.stringify(interchangeJsonSchema(), null, 2)}\n`);
console.log(`wrote ${path}`);
