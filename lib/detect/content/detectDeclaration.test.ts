import { JSDOM } from 'jsdom';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { DeclarationMessage } from '@/lib/detect/declarationMessage';

// The all-pages script on a single-page site: a real DOM (jsdom) whose head the app rewrites.
const ORIGIN = 'http://localhost:4101';
const ALEX = 'eip155:31337/erc20:0x5FC8d32690cc91D4c39d9d3abcBD16989F875707';
const MIKE = 'eip155:31338/erc20:0x5FbDB2315678afecb367f032d93F642f64180aa3';
const MANIFEST = '{"not":"checked here"}';
let sent: DeclarationMessage[];
let fetched: string[];
let dom: JSDOM;

beforeEach(() => {
  fakeBrowser.reset();
  vi.useFakeTimers();
  sent = [];
  fetched = [];
  dom = new JSDOM(
    `<!doctype html><html><head><meta name="personal-token" content="${ALEX}"><link rel="personal-token-manifest" href="/personal-token.json"></head><body></body></html>`,
    { url: `${ORIGIN}/` },
  );
  vi.stubGlobal('document', dom.window.document);
  vi.stubGlobal('location', dom.window.location);
  vi.stubGlobal('MutationObserver', dom.window.MutationObserver);
  vi.stubGlobal('fetch', async (url: string) => {
    fetched.push(url);
    return new Response(MANIFEST, { status: 200 });
  });
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (envelope: { type: string; payload: DeclarationMessage }) => {
    expect(envelope.type).toBe('declaration');
    sent.push(envelope.payload);
  }) as never);
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  dom.window.close();
});

async function startScript(): Promise<void> {
  vi.resetModules(); // one script per document: fresh module state
  const { detectDeclaration } = await import('./detectDeclaration');
  await detectDeclaration();
}

const meta = () => document.querySelector('meta[name="personal-token"]')!;
const settle = () => vi.advanceTimersByTimeAsync(1_500);

describe('the all-pages script on a single-page site', () => {
  test('a changed token is announced again, with the manifest already fetched', async () => {
    await startScript();
    expect(sent.map((m) => m.token)).toEqual([ALEX]);
    meta().setAttribute('content', MIKE);
    await settle();
    expect(sent.map((m) => m.token)).toEqual([ALEX, MIKE]);
    expect(sent[1]!.manifest).toEqual({ url: `${ORIGIN}/personal-token.json`, text: MANIFEST });
    expect(fetched).toEqual([`${ORIGIN}/personal-token.json`]);
  });

  test('a removed declaration is withdrawn; one added later is announced', async () => {
    await startScript();
    meta().remove();
    document.querySelector('link')!.remove();
    await settle();
    expect(sent[1]).toEqual({ kind: 'personal-token/declaration', token: null, pageError: null, manifest: null, withdrawn: true });
    const added = document.createElement('meta');
    added.name = 'personal-token';
    added.content = MIKE;
    document.head.append(added);
    await settle();
    expect(sent.slice(2)).toEqual([{ kind: 'personal-token/declaration', token: MIKE, pageError: null, manifest: null }]);
  });

  test('head changes that leave the declaration as it was send nothing', async () => {
    await startScript();
    document.title = 'Another route';
    document.head.append(document.createElement('style'));
    meta().setAttribute('content', ALEX);
    await settle();
    expect(sent).toHaveLength(1);
  });

  test('a page churning its declaration 500 times a second is read once it settles: one message, no new fetch', async () => {
    await startScript();
    for (let i = 1; i <= 500; i++) {
      meta().setAttribute('content', i % 2 ? MIKE : ALEX);
      await vi.advanceTimersByTimeAsync(2);
    }
    meta().setAttribute('content', MIKE); // where it comes to rest
    await settle();
    expect(sent.map((m) => m.token)).toEqual([ALEX, MIKE]);
    expect(fetched).toHaveLength(1);
  });

  test('a page that declares nothing sends nothing, even when its head changes', async () => {
    meta().remove();
    document.querySelector('link')!.remove();
    await startScript();
    document.title = 'Changed';
    await settle();
    expect(sent).toEqual([]);
    expect(fetched).toEqual([]);
  });
});
