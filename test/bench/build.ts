import { spawn } from 'node:child_process';
import { cpSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { REPO_ROOT } from '../e2e/harness/browser';
import type { Cleanup } from './cleanup';

export interface ExtensionBuild {
  mode: 'production' | 'devnet';
  /** Where WXT wrote it (`.output/chrome-mv3[-devnet]`). */
  outputDir: string;
  /** The bench's own copy (`.output/bench/…`): others rebuild `.output/` while the bench's Chromium runs. */
  dir: string;
  /** Files of the content script that runs on every http(s) page, as named in the manifest. */
  allPagesScripts: string[];
}

interface ManifestContentScript {
  matches?: string[];
  js?: string[];
}

const ALL_PAGES = ['<all_urls>', '*://*/*', 'http://*/*', 'https://*/*'];

/** Read from the built manifest, so renaming the entrypoint (content.js → detect.js) keeps working. */
function allPagesScriptsOf(dir: string): string[] {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { content_scripts?: ManifestContentScript[] };
  const covers = (m: string[]) =>
    m.includes('<all_urls>') || m.includes('*://*/*') || (m.includes('http://*/*') && m.includes('https://*/*'));
  const entries = (manifest.content_scripts ?? []).filter(
    (cs) => covers(cs.matches ?? []) && (cs.matches ?? []).every((m) => ALL_PAGES.includes(m)),
  );
  return entries.flatMap((cs) => cs.js ?? []);
}

function runWxtBuild(mode: ExtensionBuild['mode'], cleanup: Cleanup): Promise<void> {
  const args = ['wxt', 'build', ...(mode === 'devnet' ? ['--mode', 'devnet'] : [])];
  return new Promise((resolve, reject) => {
    // As `npm run build:devnet` does: a devnet build is a production build for the local chains.
    const env = { ...process.env, NODE_ENV: 'production' };
    const child = spawn('npx', args, { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    cleanup.add(`npx ${args.join(' ')}`, () => void (child.exitCode === null && child.kill('SIGTERM')));
    let log = '';
    child.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code, signal) =>
      code === 0
        ? resolve()
        : reject(new Error(`npx ${args.join(' ')} failed (${code ?? signal}):\n${log.split('\n').slice(-25).join('\n')}`)),
    );
  });
}

/**
 * Builds like `npm run build` / `npm run build:devnet` and copies the result away at once. A
 * second try covers another engineer's build wiping the same `.output/` folder mid-way.
 */
export async function buildExtension(mode: ExtensionBuild['mode'], cleanup: Cleanup): Promise<ExtensionBuild> {
  // WXT names the folder {browser}-mv{version}, plus -{mode} when the mode is not production.
  const outputDir = join(REPO_ROOT, '.output', mode === 'production' ? 'chrome-mv3' : `chrome-mv3-${mode}`);
  // A fixed place rather than a temp dir: a bench killed hard (tsx SIGKILLs a child slow to
  // answer Ctrl-C) leaves it behind, and the next run starts by replacing it.
  const dir = join(REPO_ROOT, '.output', 'bench', basename(outputDir));
  rmSync(dir, { recursive: true, force: true });
  cleanup.add(`copy of the ${mode} build`, () => rmSync(dir, { recursive: true, force: true }));
  let lastError: unknown;
  for (let attempt = 1; attempt <= 2; attempt++) {
    try {
      await runWxtBuild(mode, cleanup);
      if (!existsSync(join(outputDir, 'manifest.json'))) throw new Error(`The ${mode} build left no manifest.json in ${outputDir}`);
      cpSync(outputDir, dir, { recursive: true });
      const allPagesScripts = allPagesScriptsOf(dir);
      const missing = allPagesScripts.filter((file) => !existsSync(join(dir, file)));
      if (missing.length > 0) throw new Error(`The ${mode} build names ${missing.join(', ')} but has no such file`);
      return { mode, outputDir, dir, allPagesScripts };
    } catch (error) {
      if (cleanup.stopping) throw error;
      lastError = error;
      rmSync(dir, { recursive: true, force: true });
      const why = (error instanceof Error ? error.message : String(error)).split('\n')[0];
      if (attempt === 1) console.error(`The ${mode} build failed once (${why}); a concurrent build? Trying again.`);
    }
  }
  throw lastError;
}
