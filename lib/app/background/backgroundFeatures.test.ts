import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import type { BackgroundFeatures } from './backgroundFeatures';

// The loader as the service worker sees it: `importScripts` runs the features script, which
// provides the features. Each test gets a fresh module (its "loaded once" promise).

const features = (): BackgroundFeatures => ({
  route: async () => ({ ok: true, value: 'answered' }),
  alarmFired: () => undefined,
  notificationClicked: () => undefined,
  popupClosed: () => undefined,
  listedSites: async () => ({ name: 'x', timestamp: '', version: { major: 1, minor: 0, patch: 0 }, tokens: [] }),
  runWakeChores: async () => undefined,
});

type Scope = { importScripts?: (url: string) => void; addEventListener?: (type: string, listener: () => void) => void };
const scope = globalThis as unknown as Scope;
const PROVIDED = Symbol.for('personal-token-companion.background-features');

beforeEach(() => vi.resetModules());
afterEach(() => {
  delete scope.importScripts;
  delete scope.addEventListener;
  delete (globalThis as Record<symbol, unknown>)[PROVIDED];
});

test('the features script is imported on the first need only, and what it provides is used', async () => {
  const loader = await import('./backgroundFeatures');
  const imported: string[] = [];
  scope.importScripts = (url) => {
    imported.push(url);
    loader.provideBackgroundFeatures(features());
  };
  expect(loader.backgroundFeaturesLoaded()).toBe(false);
  const [first, second] = await Promise.all([loader.backgroundFeatures(), loader.backgroundFeatures()]);
  expect(first).toBe(second);
  expect(await first.route(null, {})).toEqual({ ok: true, value: 'answered' });
  await loader.backgroundFeatures();
  expect(imported).toEqual([loader.FEATURES_SCRIPT]);
  expect(loader.backgroundFeaturesLoaded()).toBe(true);
});

test('a failed import is reported, and the next need tries again', async () => {
  const loader = await import('./backgroundFeatures');
  let attempts = 0;
  scope.importScripts = () => {
    attempts++;
    if (attempts === 1) throw new Error('NetworkError: the script was not installed');
  };
  await expect(loader.backgroundFeatures()).rejects.toThrow('not installed');
  // Ran, but provided nothing: a clear error, not a silent undefined.
  await expect(loader.backgroundFeatures()).rejects.toThrow('provided no features');
  scope.importScripts = () => loader.provideBackgroundFeatures(features());
  await expect(loader.backgroundFeatures()).resolves.toBeDefined();
});

test('installing the worker imports the features script (so a later start may import it again)', async () => {
  const loader = await import('./backgroundFeatures');
  const listeners: Record<string, () => void> = {};
  const imported: string[] = [];
  scope.addEventListener = (type, listener) => void (listeners[type] = listener);
  scope.importScripts = (url) => void imported.push(url);
  loader.importBackgroundFeaturesOnInstall();
  expect(imported).toEqual([]);
  listeners.install!();
  expect(imported).toEqual([loader.FEATURES_SCRIPT]);
});
