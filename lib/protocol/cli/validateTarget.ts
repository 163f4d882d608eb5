import { readFile, stat } from 'node:fs/promises';
import { confirmationFor, type TokenList } from '../../detect/core/confirmation';
import { checkDeclaration } from '../declaration';
import { MANIFEST_FETCH_TIMEOUT_MS, MAX_MANIFEST_BYTES } from '../limits';
import { isLocalHost } from '../url';
import { formatValidationError, kilobytes, validateManifest, type ValidateManifestOptions } from '../validateManifest';
import type { ValidationError } from '../validationError';
import { fetchCapped } from '@/lib/net/fetchCapped';
import { findDeclarationInHtml } from './htmlDeclaration';
import { summarizeManifest } from './summarizeManifest';
import { chainSupport } from './chainSupport';

export interface TargetReport {
  ok: boolean;
  lines: string[];
}

export interface ValidateTargetDeps {
  fetch?: typeof fetch;
  /** Per request; the extension's limit by default. */
  timeoutMs?: number;
  /** Curated lists to report confirmation against: the release list, plus devnet for local pages. */
  lists?: { release: TokenList; devnet: TokenList };
}

/** A page's HTML may be bigger than a manifest; its `<head>` is all we read. */
const MAX_PAGE_BYTES = 2 * 1024 * 1024;
/** Local files are read whole; this only keeps a wrong path (a disk image…) from being loaded. */
const MAX_FILE_BYTES = 16 * 1024 * 1024;

/** Validates a manifest file, a manifest URL, or a creator page URL with its declaration. */
export async function validateTarget(target: string, deps: ValidateTargetDeps = {}): Promise<TargetReport> {
  if (/^https?:\/\//i.test(target)) return validateUrl(target, deps);
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(target)) return fail([`${target}: only http(s) URLs and local files can be checked`]);
  try {
    const info = await stat(target);
    if (!info.isFile()) return fail([`${target} is not a file`]);
    if (info.size > MAX_FILE_BYTES)
      return fail([`${target}: manifest is ${kilobytes(info.size)} KB; the limit is ${MAX_MANIFEST_BYTES / 1024} KB`]);
    return manifestReport(target, validateManifest(await readFile(target, 'utf8')));
  } catch (e) {
    return fail([`cannot read ${target}: ${e instanceof Error ? e.message : String(e)}`]);
  }
}

async function validateUrl(url: string, deps: ValidateTargetDeps): Promise<TargetReport> {
  const res = await fetchCapped(url, {
    fetch: deps.fetch,
    timeoutMs: deps.timeoutMs ?? MANIFEST_FETCH_TIMEOUT_MS,
    maxBytes: (type) => (type.includes('html') ? MAX_PAGE_BYTES : MAX_MANIFEST_BYTES),
  });
  if (!res.ok) return fail([res.error]);
  const looksHtml = res.contentType.includes('html') || (!res.contentType.includes('json') && res.text.trimStart().startsWith('<'));
  if (!looksHtml) return manifestReport(res.url, validateManifest(res.text));
  return validatePage(res.url, res.text, deps);
}

async function validatePage(pageUrl: string, html: string, deps: ValidateTargetDeps): Promise<TargetReport> {
  const found = findDeclarationInHtml(html);
  if (found.tokenCount === 0) {
    return fail([
      `${pageUrl} declares no personal token: add <meta name="personal-token" content="eip155:<chainId>/erc20:<address>"> to its <head>`,
    ]);
  }
  const decl = checkDeclaration(pageUrl, found);
  if (!decl.ok) return errorsReport(`the declaration in ${pageUrl}`, decl.errors);

  const lines = [`✓ ${pageUrl} declares ${decl.tokenId}`];
  const support = chainSupport(decl.token.chainId);
  if (support.warning) lines.push(support.warning);
  if (found.tokenCount > 1) lines.push(`! the page has ${found.tokenCount} personal-token meta tags; only the first counts`);
  lines.push(confirmationLine(decl.tokenId, pageUrl, deps));
  if (!decl.manifestUrl) {
    lines.push('  no <link rel="personal-token-manifest">: holders see the token only (the manifest is optional)');
    return { ok: true, lines };
  }

  const timeoutMs = deps.timeoutMs ?? MANIFEST_FETCH_TIMEOUT_MS;
  const res = await fetchCapped(decl.manifestUrl, { fetch: deps.fetch, timeoutMs, maxBytes: MAX_MANIFEST_BYTES });
  if (!res.ok) return { ok: false, lines: [...lines, `✗ manifest: ${res.error}`] };
  if (new URL(res.url).origin !== new URL(pageUrl).origin) {
    return {
      ok: false,
      lines: [...lines, `✗ manifest: ${decl.manifestUrl} redirects to ${res.url}, another origin; serve it from the page's own origin`],
    };
  }
  const opts: ValidateManifestOptions = { expectedToken: decl.tokenId };
  const report = manifestReport(res.url, validateManifest(res.text, opts));
  return { ok: report.ok, lines: [...lines, ...report.lines] };
}

function confirmationLine(tokenId: string, pageUrl: string, deps: ValidateTargetDeps): string {
  const lists = deps.lists;
  if (!lists) return '  (confirmation not checked)';
  const page = new URL(pageUrl);
  const candidates = isLocalHost(page.hostname) ? [lists.release, lists.devnet] : [lists.release];
  if (candidates.some((l) => confirmationFor(l, tokenId, page.origin) === 'confirmed')) {
    return `  confirmed: the curated list names ${page.host} for this token`;
  }
  return `  declared, not confirmed: the curated list does not name ${page.host} for this token (see "Getting confirmed" in the README)`;
}

function manifestReport(source: string, result: ReturnType<typeof validateManifest>): TargetReport {
  if (!result.ok) return errorsReport(source, result.errors);
  const warnings = result.warnings.map((w) => `  ! warning: ${formatValidationError(w)}`);
  return {
    ok: true,
    lines: [
      `✓ valid: ${source} is a personal-token manifest, version ${result.manifest.version}`,
      ...summarizeManifest(result.manifest),
      ...warnings,
    ],
  };
}

function errorsReport(source: string, errors: ValidationError[]): TargetReport {
  const head = `✗ ${errors.length === 1 ? '1 problem' : `${errors.length} problems`} in ${source}:`;
  return { ok: false, lines: [head, ...errors.map((e) => `  ${formatValidationError(e)}`)] };
}

function fail(lines: string[]): TargetReport {
  return { ok: false, lines: lines.map((l) => `✗ ${l}`) };
}
