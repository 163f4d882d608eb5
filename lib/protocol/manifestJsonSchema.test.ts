import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { MANIFEST_SCHEMA_ID, manifestJsonSchema, manifestJsonSchemaText } from './manifestJsonSchema';

const committed = readFileSync(fileURLToPath(new URL('./personal-token-manifest.v1.schema.json', import.meta.url)), 'utf8');

test('the committed JSON Schema is the one generated from the zod schema', () => {
  // If this fails: npx tsx lib/protocol/cli/writeJsonSchema.ts
  expect(committed).toBe(manifestJsonSchemaText());
});

test('it is a draft 2020-12 schema with an id, a title, and strict objects', () => {
  const schema = manifestJsonSchema() as {
    $schema: string;
    $id: string;
    title: string;
    required: string[];
    additionalProperties: boolean;
    properties: Record<string, { additionalProperties?: boolean; maxItems?: number; items?: { additionalProperties?: boolean } }>;
  };
  expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  expect(schema.$id).toBe(MANIFEST_SCHEMA_ID);
  expect(schema.title).toMatch(/version 1/);
  expect(schema.required).toEqual(['version', 'token', 'creator']);
  expect(schema.additionalProperties).toBe(true); // unknown top-level sections are ignored (compatibility.ts)
  expect(schema.properties.creator?.additionalProperties).toBe(false);
  expect(schema.properties.pairs?.items?.additionalProperties).toBe(false);
  expect(schema.properties.gates?.maxItems).toBe(50);
});
