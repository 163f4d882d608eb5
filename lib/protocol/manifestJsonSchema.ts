import './zodNoEval';
import { z } from 'zod';
import { manifestSchema } from './manifestSchema';

/** Stable identifier of the v1 schema; a URN because the protocol is not tied to one website. */
export const MANIFEST_SCHEMA_ID = 'urn:personal-token:manifest:v1';
/** Where the generated schema is committed (relative to the repository root). */
export const MANIFEST_SCHEMA_PATH = 'lib/protocol/personal-token-manifest.v1.schema.json';

/**
 * The JSON Schema (draft 2020-12) of what a creator writes, generated from the zod schema so the
 * two cannot drift. It states shapes, patterns and caps; checksums, unique ids and the other
 * cross-field rules need the validator (`npm run validate-manifest`).
 */
export function manifestJsonSchema(): Record<string, unknown> {
  // `io: 'input'`: describe the file as written (lists optional), not the parsed result.
  const generated = z.toJSONSchema(manifestSchema, { io: 'input', target: 'draft-2020-12' });
  const { $schema, ...rest } = generated;
  return {
    $schema,
    $id: MANIFEST_SCHEMA_ID,
    title: 'Personal token manifest, version 1',
    description:
      'Declares a personal token and its pairs, income distributions, reward programs, votes, gates and offers. ' +
      'Served on the same origin as the page that links it with <link rel="personal-token-manifest">; at most 64 KiB.',
    ...rest,
    // Unknown top-level sections are ignored by readers (compatibility.ts); inside objects they stay errors.
    additionalProperties: true,
  };
}

/** The file's exact text: stable key order, two-space indent, final newline. */
export function manifestJsonSchemaText(): string {
  return `${JSON.stringify(manifestJsonSchema(), null, 2)}\n`;
}
