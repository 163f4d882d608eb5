import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { ExtensionBuild } from './build';

export interface ContentScriptSize {
  /** Minified bytes of every file the all-pages content script loads. */
  bytes: number;
  gzipBytes: number;
  files: string[];
}

export function measureContentScriptSize(release: ExtensionBuild): ContentScriptSize {
  if (release.allPagesScripts.length === 0) throw new Error('The release manifest declares no content script for all pages');
  const paths = release.allPagesScripts.map((file) => join(release.dir, file));
  return {
    bytes: paths.reduce((sum, path) => sum + statSync(path).size, 0),
    // Shown for context only: the budget is on what the browser parses, the minified bytes.
    gzipBytes: paths.reduce((sum, path) => sum + gzipSync(readFileSync(path)).length, 0),
    files: release.allPagesScripts,
  };
}
