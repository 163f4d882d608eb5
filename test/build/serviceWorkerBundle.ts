import { satisfies } from 'semver';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import type { WxtHooks } from 'wxt';

// The Vite that WXT builds with (its own copy), as its build hook sees it.
type ViteConfig = Parameters<WxtHooks['vite:build:extendConfig']>[1];
type Plugin = Extract<NonNullable<ViteConfig['plugins']>[number], { name: string }>;

// Every service-worker start reads background.js again, decodes it and loads its code cache (as
// large as the code it covers): each byte is paid on every wake-up. These plugins apply to the
// background bundle only (wxt.config.ts).

/** Where a resolved file's package starts, and its name: the last `node_modules/<name>` on the path. */
function packageOf(file: string): { root: string; name: string } | null {
  const at = file.lastIndexOf(`${sep}node_modules${sep}`);
  if (at < 0) return null;
  const parts = file.slice(at + 14).split(sep);
  const name = parts[0]?.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
  return name ? { root: file.slice(0, at + 14) + name, name } : null;
}

function versionAt(root: string): string | null {
  try {
    const manifest: unknown = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    return typeof manifest === 'object' && manifest !== null && 'version' in manifest && typeof manifest.version === 'string'
      ? manifest.version
      : null;
  } catch {
    return null;
  }
}

/** Every installed copy of a package: node_modules/<name> and one level of nesting below each package. */
function copiesOf(nodeModules: string, name: string): string[] {
  const copies = [join(nodeModules, name)];
  const entries = readdirSync(nodeModules).flatMap((entry) =>
    entry.startsWith('@') ? readdirSync(join(nodeModules, entry)).map((inner) => join(entry, inner)) : [entry],
  );
  for (const entry of entries) copies.push(join(nodeModules, entry, 'node_modules', name));
  return copies.filter((copy) => existsSync(join(copy, 'package.json'))).sort();
}

function dependencyRange(packageRoot: string, name: string): string | null {
  try {
    const manifest: unknown = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8'));
    if (typeof manifest !== 'object' || manifest === null || !('dependencies' in manifest)) return null;
    const deps: unknown = manifest.dependencies;
    if (typeof deps !== 'object' || deps === null || !(name in deps)) return null;
    const range: unknown = Object.getOwnPropertyDescriptor(deps, name)?.value;
    return typeof range === 'string' ? range : null;
  } catch {
    return null;
  }
}

/**
 * npm nests a copy of a package under each dependant whose range the top-level copy does not
 * satisfy: @metamask/providers, object-multiplex and json-rpc-middleware-stream each carry their
 * own readable-stream 3.6.2, and the bundler includes each copy. Files of a package are resolved
 * to one copy of the same name and version (the first in sorted order, so builds are repeatable).
 * `prefer` names a version to use wherever the importing package's own range accepts it:
 * extension-port-stream asks for readable-stream "^3.6.2 || ^4.4.2" and npm gave it 4.x, a second
 * stream library beside MetaMask's 3.6.2.
 */
export function oneCopyPerVersion(nodeModules: string, prefer: Record<string, string> = {}): Plugin {
  const canonical = new Map<string, string>(); // `${name}@${version}` → root of the copy kept
  const canonicalRoot = (name: string, version: string): string => {
    const key = `${name}@${version}`;
    let root = canonical.get(key);
    if (!root) {
      root = copiesOf(nodeModules, name).find((copy) => versionAt(copy) === version) ?? '';
      canonical.set(key, root);
    }
    return root;
  };
  return {
    name: 'ptc:one-copy-per-version',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!importer || source.startsWith('.') || source.startsWith('/') || source.startsWith('\0')) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      if (!resolved || resolved.external) return resolved;
      const pkg = packageOf(resolved.id);
      const version = pkg && versionAt(pkg.root);
      if (!pkg || !version) return resolved;
      const preferred = Object.hasOwn(prefer, pkg.name) ? prefer[pkg.name] : undefined;
      const importerPackage = packageOf(importer);
      const range = importerPackage && dependencyRange(importerPackage.root, pkg.name);
      if (preferred && preferred !== version && range && satisfies(preferred, range)) {
        const root = canonicalRoot(pkg.name, preferred);
        // Resolved as the package that owns the preferred copy would resolve it (its entry points differ by version).
        if (root) return this.resolve(source, join(dirname(dirname(root)), 'package.json'), { ...options, skipSelf: true });
      }
      const root = canonicalRoot(pkg.name, version);
      if (!root || root === pkg.root) return resolved;
      return { ...resolved, id: root + resolved.id.slice(pkg.root.length) };
    },
  };
}

/**
 * vite-plugin-node-polyfills ships its Buffer and process shims as CommonJS and as ES modules:
 * its injected globals import one, CommonJS dependencies (readable-stream) require the other, and
 * both end up in the bundle (two Buffer classes, too). The ES module serves both.
 */
export function oneNodeShimFormat(): Plugin {
  return {
    name: 'ptc:one-node-shim-format',
    enforce: 'pre',
    resolveId: {
      order: 'pre',
      async handler(source, importer, options) {
        if (!/(^|\/)(buffer|process)$/.test(source)) return null;
        const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
        if (!resolved || !/vite-plugin-node-polyfills[\\/]shims[\\/](buffer|process)[\\/]dist[\\/]index\.cjs$/.test(resolved.id))
          return null;
        const esm = resolved.id.replace(/index\.cjs$/, 'index.js');
        return existsSync(esm) ? { ...resolved, id: esm } : null;
      },
    },
  };
}

export const NODE_MODULES = join(dirname(new URL(import.meta.url).pathname), '..', '..', 'node_modules');
