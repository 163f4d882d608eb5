import { beforeEach, describe, expect, test, vi } from 'vitest';
import { browser, type Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { appRequests, type AppRequests } from '@/lib/app/contract';
import { requestHandlers } from '@/lib/app/background/requestHandlers';
import type { TabState } from '@/lib/detect/tabState';
import { scanClaimsFile } from '@/lib/income/core/scanClaimsFile';
import { ClaimsFileError } from '@/lib/income/core/errors';
import type { RequestHandlers } from '../contract';
import { REQUEST_CHANNEL } from '../envelope';
import { createRouter, listenForMessages } from './router';

type Sender = Browser.runtime.MessageSender;

const ALEX = 'http://localhost:4101';
const detected = (origin: string): TabState => ({
  status: 'detected',
  origin,
  tokenId: 'eip155:31337/erc20:0x5FbDB2315678afecb367f032d93F642f64180aa3',
  chainId: 31337,
  chainName: 'Devnet',
  address: '0x5FbDB2315678afecb367f032d93F642f64180aa3',
  confirmation: 'confirmed',
  creatorName: 'Alex',
  creatorDescription: null,
  manifest: null,
});

const popup = (): Sender => ({ id: browser.runtime.id, url: browser.runtime.getURL('/popup.html') });
const contentScript = (url = `${ALEX}/posts`, more: Partial<Sender> = {}): Sender => ({
  id: browser.runtime.id,
  tab: { id: 7 } as Browser.tabs.Tab,
  frameId: 0,
  url,
  ...more,
});
/** Our page frame inside tab 7, whose top-level page is `top` (the browser's word). */
const pageFrame = (top = `${ALEX}/posts`, more: Partial<Sender> = {}): Sender => ({
  id: browser.runtime.id,
  url: browser.runtime.getURL('/page-frame.html'),
  tab: { id: 7, url: top } as Browser.tabs.Tab,
  frameId: 3,
  ...more,
});
const envelope = (type: string, payload: unknown) => ({ channel: REQUEST_CHANNEL, type, payload });

function setup(overrides: Partial<RequestHandlers<AppRequests>> = {}, tabs: Record<number, TabState> = { 7: detected(ALEX) }) {
  const log = vi.fn();
  const route = createRouter({
    contracts: appRequests,
    handlers: { ...requestHandlers, ...overrides },
    readTabState: async (tabId) => tabs[tabId] ?? null,
    readDeclaringDocument: async () => 'doc-declared',
    checkOutputs: true,
    log,
  });
  return { route, log };
}

describe('the router', () => {
  beforeEach(() => fakeBrowser.reset());

  test('unknown types and messages that are not requests are refused', async () => {
    const { route } = setup();
    expect(await route(envelope('steal-keys', {}), popup())).toEqual({
      ok: false,
      error: 'Unknown request.',
      code: 'router.unknown-request',
    });
    expect(await route({ kind: 'personal-token/declaration', token: null }, contentScript())).toMatchObject({
      ok: false,
      code: 'router.unknown-request',
    });
    expect(await route('hello', popup())).toMatchObject({ ok: false, error: 'Unknown request.' });
    // Inherited names are not requests either.
    expect(await route(envelope('constructor', {}), popup())).toMatchObject({ ok: false, code: 'router.unknown-request' });
  });

  test('a type it does not declare goes to `otherwise` untouched; one it declares never does', async () => {
    const otherwise = vi.fn(async () => ({ ok: true as const, value: 'from the rest of the background' }));
    const tabState = vi.fn(async () => null);
    const route = createRouter({
      contracts: { 'tab-state': appRequests['tab-state'] },
      handlers: { 'tab-state': tabState },
      readTabState: async () => null,
      otherwise,
    });
    const refresh = envelope('refresh', { tokenIds: [] });
    expect(await route(refresh, popup())).toEqual({ ok: true, value: 'from the rest of the background' });
    expect(otherwise).toHaveBeenCalledWith(refresh, popup());
    expect(await route(envelope('tab-state', { tabId: 3 }), popup())).toEqual({ ok: true, value: null });
    expect(tabState).toHaveBeenCalledTimes(1);
    // Not a request at all: refused here, never handed on.
    expect(await route('hello', popup())).toMatchObject({ ok: false, code: 'router.unknown-request' });
    expect(otherwise).toHaveBeenCalledTimes(1);
  });

  test('a malformed payload is refused before any handler runs', async () => {
    const claim = vi.fn();
    const { route } = setup({ claim });
    expect(await route(envelope('claim', { tokenId: 'x' }), popup())).toEqual({
      ok: false,
      error: 'The request was malformed.',
      code: 'router.malformed',
    });
    expect(await route(envelope('claim', { tokenId: 'x', roundId: '1', extra: true }), popup())).toMatchObject({
      code: 'router.malformed',
    });
    expect(await route(envelope('unlock-gate', { gateId: '' }), pageFrame())).toMatchObject({ code: 'router.malformed' });
    expect(claim).not.toHaveBeenCalled();
  });

  test('popup requests are refused from content scripts and from other extensions', async () => {
    const claim = vi.fn(async () => ({ transactionId: 't1' }));
    const { route } = setup({ claim });
    const payload = { tokenId: 'eip155:1/erc20:0x0', roundId: '1' };
    const refused = { ok: false, error: 'This request is not allowed from here.', code: 'router.sender-refused' };
    expect(await route(envelope('claim', payload), contentScript())).toEqual(refused);
    expect(await route(envelope('claim', payload), { ...popup(), id: 'another-extension' })).toEqual(refused);
    expect(await route(envelope('claim', payload), { id: browser.runtime.id })).toEqual(refused); // no page at all
    expect(claim).not.toHaveBeenCalled();
    expect(await route(envelope('claim', payload), popup())).toEqual({ ok: true, value: { transactionId: 't1' } });
  });

  test('page requests need our content script in the top frame of a tab that declared a creator on that same origin', async () => {
    const pageGates = vi.fn(async () => ({ gates: [], card: true }));
    const { route } = setup({ 'page-layout': pageGates }, { 7: detected(ALEX), 8: detected('http://localhost:4102') });
    const ask = (sender: Sender) => route(envelope('page-layout', {}), sender);
    expect(await ask(contentScript(`${ALEX}/`, { frameId: 2 }))).toMatchObject({ code: 'router.sender-refused' }); // an iframe
    expect(await ask(contentScript(`${ALEX}/`, { id: 'another-extension' }))).toMatchObject({ code: 'router.sender-refused' });
    expect(await ask(popup())).toMatchObject({ code: 'router.sender-refused' }); // the popup has no tab of its own
    // Tab 8 declared Bea's site; a page of Alex's origin in it (navigated, or lying) is refused.
    expect(await ask(contentScript(`${ALEX}/`, { tab: { id: 8 } as Browser.tabs.Tab }))).toEqual({
      ok: false,
      error: 'This page has not declared a creator token.',
      code: 'router.not-declaring',
    });
    expect(await ask(contentScript(`${ALEX}/`, { tab: { id: 9 } as Browser.tabs.Tab }))).toMatchObject({ code: 'router.not-declaring' }); // declared nothing
    expect(pageGates).not.toHaveBeenCalled();

    expect(await ask(contentScript(`${ALEX}/posts`, { documentId: 'doc-1' }))).toEqual({ ok: true, value: { gates: [], card: true } });
    expect(pageGates).toHaveBeenCalledWith({}, { tabId: 7, origin: ALEX, documentId: 'doc-1', state: detected(ALEX) });
  });

  test("frame requests need our page frame inside a declaring tab: the tab's top-level origin, the declaring document", async () => {
    const unlock = vi.fn(async () => ({ kind: 'choose-wallet' as const, wallets: [] }));
    const { route } = setup({ 'unlock-gate': unlock });
    const ask = (sender: Sender) => route(envelope('unlock-gate', { gateId: 'notes' }), sender);
    expect(await ask(contentScript())).toMatchObject({ code: 'router.sender-refused' }); // the page's own document
    expect(await ask(popup())).toMatchObject({ code: 'router.sender-refused' }); // not in a tab
    expect(await ask(pageFrame(`${ALEX}/`, { frameId: 0 }))).toMatchObject({ code: 'router.sender-refused' }); // opened as the tab itself
    expect(await ask(pageFrame(`${ALEX}/`, { url: browser.runtime.getURL('/popup.html') }))).toMatchObject({
      code: 'router.sender-refused',
    }); // another of our pages
    expect(await ask(pageFrame('http://evil.example/'))).toMatchObject({ code: 'router.not-declaring' }); // embedded by a page that declared nothing here
    expect(unlock).not.toHaveBeenCalled();
    expect(await ask(pageFrame())).toEqual({ ok: true, value: { kind: 'choose-wallet', wallets: [] } });
    expect(unlock).toHaveBeenCalledWith({ gateId: 'notes' }, { tabId: 7, origin: ALEX, documentId: 'doc-declared', state: detected(ALEX) });
  });

  test("an extension page embedded in a web page never makes the popup's requests", async () => {
    const claim = vi.fn(async () => ({ transactionId: 't1' }));
    const { route } = setup({ claim });
    expect(await route(envelope('claim', { tokenId: 'eip155:1/erc20:0x0', roundId: '1' }), pageFrame())).toMatchObject({
      code: 'router.sender-refused',
    });
    expect(claim).not.toHaveBeenCalled();
  });

  test('a declaration is taken from any http(s) top frame, with the origin the browser reports', async () => {
    const declaration = vi.fn(async () => null);
    const { route } = setup({ declaration }, {});
    const message = { kind: 'personal-token/declaration', token: 'eip155:1/erc20:0x0', pageError: null, manifest: null };
    expect(await route(envelope('declaration', message), contentScript('https://unknown.example/a'))).toEqual({ ok: true, value: null });
    expect(declaration).toHaveBeenCalledWith(message, { tabId: 7, origin: 'https://unknown.example', documentId: null });
    expect(await route(envelope('declaration', message), contentScript('file:///etc/passwd'))).toMatchObject({
      code: 'router.sender-refused',
    });
    expect(await route(envelope('declaration', message), popup())).toMatchObject({ code: 'router.sender-refused' });
  });

  test('a claims-file error while claiming reaches the popup with its own sentence', async () => {
    const { route, log } = setup({
      claim: async () => {
        scanClaimsFile('{"merkleRoot": 1}'); // what claimRound meets when the creator's file is broken
        return { transactionId: 'never' };
      },
    });
    const answer = await route(envelope('claim', { tokenId: 'eip155:1/erc20:0x0', roundId: '1' }), popup());
    expect(answer).toEqual({
      ok: false,
      error: 'The claims file is not in the Uniswap merkle-distributor format; ask the creator to check it.',
      code: 'income.claims-file',
    });
    expect(log).not.toHaveBeenCalled();
  });

  test('every error written for the holder passes, whatever its class', async () => {
    const { route } = setup({ 'lock-gate': async () => Promise.reject(new ClaimsFileError('Sentence for the holder.')) });
    expect(await route(envelope('lock-gate', { gateId: 'g' }), pageFrame())).toMatchObject({
      ok: false,
      error: 'Sentence for the holder.',
    });
  });

  test('an unknown error gets the generic sentence and is logged with its cause chain', async () => {
    const { route, log } = setup({
      tally: async () => {
        throw new TypeError('reading a property of undefined', { cause: new ClaimsFileError('inner sentence', 'inner details') });
      },
      'page-layout': async () => {
        throw 'a string';
      },
    });
    expect(await route(envelope('tally', { tokenId: 't', proposalId: 'p' }), popup())).toEqual({
      ok: false,
      error: 'Something went wrong in the extension. Try again; if it persists, reload the extension.',
      code: 'router.internal',
    });
    expect(log).toHaveBeenCalledTimes(1);
    expect(log.mock.calls[0]?.[0]).toMatchInlineSnapshot(`
      "request tally failed:
        TypeError: reading a property of undefined
        caused by ClaimsFileError [income.claims-file]: inner sentence (inner details)"
    `);
    expect(await route(envelope('page-layout', {}), contentScript())).toMatchObject({
      error: 'Something went wrong in the extension. Try again; if it persists, reload the page.',
    });
    expect(log.mock.calls[1]?.[0]).toBe('request page-layout failed:\n  a string');
  });

  test('an answer that breaks its output schema is a bug: logged, and the holder gets the generic sentence', async () => {
    const { route, log } = setup({ follow: async () => ({ tokenId: 42 }) as never });
    expect(await route(envelope('follow', { tabId: 7 }), popup())).toMatchObject({ ok: false, code: 'router.internal' });
    expect(String(log.mock.calls[0]?.[0])).toContain('answer does not match the output schema of follow');
  });

  test('listens on runtime messages, answers through sendResponse, then tells the caller', async () => {
    const { route } = setup({ 'tab-state': async ({ tabId }) => (tabId === 7 ? detected(ALEX) : null) });
    const addListener = vi.spyOn(fakeBrowser.runtime.onMessage, 'addListener');
    const told = vi.fn();
    listenForMessages(route, told);
    const listener = addListener.mock.calls[0]?.[0];
    const answered = new Promise((resolve) => expect(listener?.(envelope('tab-state', { tabId: 7 }), popup(), resolve)).toBe(true)); // answers asynchronously
    expect(told).not.toHaveBeenCalled();
    expect(await answered).toEqual({ ok: true, value: detected(ALEX) });
    await vi.waitFor(() => expect(told).toHaveBeenCalledTimes(1)); // told after the answer is sent
  });
});
