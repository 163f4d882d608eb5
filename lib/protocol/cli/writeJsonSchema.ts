// Regenerates the committed JSON Schema from the zod schema:
//   npx tsx lib/protocol/cli/writeJsonSchema.ts
// `manifestJsonSchema.test.ts` fails when the committed file is out of date.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MANIFEST_SCHEMA_PATH, manifestJsonSchemaText } from '../manifestJsonSchema';

const target = fileURLToPath(new URL(`../../../${MANIFEST_SCHEMA_PATH}`, import.meta.url));
writeFileSync(target, manifestJsonSchemaText());
console.log(`wrote ${MANIFEST_SCHEMA_PATH}`);
