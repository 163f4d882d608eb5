import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { parseTokenList } from '../detect/core/tokenListSchema';
import { checkDeclaration } from './declaration';
import { findDeclarationInHtml } from './cli/htmlDeclaration';
import { validateManifest } from './validateManifest';
import { formatValidationErrors } from './validationError';

// The README's "For creators" section is what creators copy; keep its examples valid.
const readme = readFileSync(fileURLToPath(new URL('../../README.md', import.meta.url)), 'utf8');
const section = readme.slice(readme.indexOf('## For creators')).split(/\n## /)[0] ?? '';
const blocks = (lang: string) => [...section.matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1] ?? '');

test('the example tags and manifest are valid together', () => {
  const [html] = blocks('html');
  const [manifest] = blocks('json');
  const decl = checkDeclaration('https://alex.example/', findDeclarationInHtml(html ?? ''));
  if (!decl.ok) throw new Error(formatValidationErrors(decl.errors));
  const result = validateManifest(manifest ?? '', { expectedToken: decl.tokenId });
  if (!result.ok) throw new Error(formatValidationErrors(result.errors));
  expect(result.manifest.creator.name).toBe('Alex Masmej');
});

test('the example list entry is a valid token list entry', () => {
  const [, entry] = blocks('json');
  const list = {
    name: 'Example',
    timestamp: '2025-01-01T00:00:00Z',
    version: { major: 1, minor: 0, patch: 0 },
    tokens: [JSON.parse(entry ?? '')],
  };
  expect(parseTokenList(list)).toMatchObject({ ok: true });
});

test('it names the schema file and the validator command that exist', () => {
  expect(section).toContain('lib/protocol/personal-token-manifest.v1.schema.json');
  expect(section).toContain('npm run validate-manifest -- ');
  const pkg = JSON.parse(readFileSync(fileURLToPath(new URL('../../package.json', import.meta.url)), 'utf8')) as {
    scripts: Record<string, string>;
  };
  expect(pkg.scripts['validate-manifest']).toBe('tsx lib/protocol/cli/validateManifestCli.ts');
});
