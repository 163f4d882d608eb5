import { NO_EVAL } from './zodNoEval';
import { InvalidTokenIdError, parseTokenId, sameToken } from './caip19';
import { ignoreUnknownSections, unsupportedVersion } from './compatibility';
import { crossCheckManifest } from './crossCheckManifest';
import { manifestErrorMap, toValidationErrors } from './issueMessages';
import { MAX_MANIFEST_BYTES } from './limits';
import { manifestSchema, type PersonalTokenManifest } from './manifestSchema';
import { parseJsonText } from './parseJsonText';
import type { ValidationError } from './validationError';

export { formatValidationError, formatValidationErrors, type ValidationError } from './validationError';

export interface ValidateManifestOptions {
  /** The token the page declares (`<meta name="personal-token">`); the manifest must name it. */
  expectedToken?: string;
}

export type ValidateManifestResult =
  /** `warnings`: sections this reader ignored (see `compatibility.ts`); shown to creators, not holders. */
  { ok: true; manifest: PersonalTokenManifest; warnings: ValidationError[] } | { ok: false; errors: ValidationError[] };

/**
 * Validates a personal-token manifest: the raw text as fetched (preferred: the size cap is
 * checked before parsing) or an already-parsed value. Never throws on bad input.
 */
export function validateManifest(input: string | unknown, opts: ValidateManifestOptions = {}): ValidateManifestResult {
  const fail = (message: string, path = ''): ValidateManifestResult => ({ ok: false, errors: [{ path, message }] });

  let data: unknown = input;
  if (typeof input === 'string') {
    const tooBig = sizeProblem(utf8Length(input));
    if (tooBig) return fail(tooBig);
    const parsed = parseJsonText(input.replace(/^\uFEFF/, ''));
    if (!parsed.ok) return fail(parsed.message);
    data = parsed.value;
  } else {
    // Same cap for callers that parsed already, so a value is accepted iff its text would be.
    let text: string | undefined;
    try {
      text = JSON.stringify(input);
    } catch (e) {
      return fail(`not JSON: ${e instanceof Error ? e.message : String(e)}`);
    }
    const tooBig = sizeProblem(utf8Length(text ?? ''));
    if (tooBig) return fail(tooBig);
  }

  const tooNew = unsupportedVersion(data);
  if (tooNew) return fail(tooNew, 'version');
  const { data: known, warnings } = ignoreUnknownSections(data, Object.keys(manifestSchema.shape));
  const result = manifestSchema.safeParse(known, { ...NO_EVAL, error: manifestErrorMap, reportInput: true });
  if (!result.success) return { ok: false, errors: toValidationErrors(result.error.issues) };

  const manifest = result.data;
  const errors = crossCheckManifest(manifest);
  if (opts.expectedToken !== undefined) errors.push(...tokenMatchProblems(manifest.token, opts.expectedToken));
  return errors.length ? { ok: false, errors } : { ok: true, manifest, warnings };
}

function tokenMatchProblems(manifestToken: string, expected: string): ValidationError[] {
  let declared;
  try {
    declared = parseTokenId(expected);
  } catch (e) {
    const why = e instanceof InvalidTokenIdError ? e.message : String(e);
    return [{ path: '', message: `the page's declaration is not a valid token id: ${why}` }];
  }
  if (sameToken(parseTokenId(manifestToken), declared)) return [];
  return [
    { path: 'token', message: `does not match the page's declaration: the manifest names ${manifestToken}, the page declares ${expected}` },
  ];
}

function sizeProblem(bytes: number): string | undefined {
  if (bytes <= MAX_MANIFEST_BYTES) return undefined;
  return `manifest is ${kilobytes(bytes)} KB; the limit is ${MAX_MANIFEST_BYTES / 1024} KB`;
}

/** Rounded up to 0.1 KB, so anything over the limit never reads as exactly 64 KB. */
export function kilobytes(bytes: number): string {
  const kb = Math.ceil((bytes / 1024) * 10) / 10;
  return Number.isInteger(kb) ? String(kb) : kb.toFixed(1);
}

/** UTF-8 size without allocating an encoded copy (the input may be large and hostile). */
function utf8Length(s: string): number {
  let bytes = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}
