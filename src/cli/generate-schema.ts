// Writes scenarios/schema.json (JSON Schema for editors) from the zod scenario schema.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { scenarioJsonSchema } from '../core/scenario/json-schema';

const file = join(import.meta.dirname, '..', '..', 'scenarios', 'schema.json');
writeFileSync(file, `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
console.log(`wrote ${file}`);
