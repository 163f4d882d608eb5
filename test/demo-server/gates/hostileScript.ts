import { XSS_PROBE_PATH } from '../hostile';

// The hostile creator page's own script, in the page's main world. It does what a malicious
// page can do to a gate: fake the extension's window messages, click everything inside gated
// blocks, look for shadow roots, and announce a fake wallet. What it finds is left on `window`
// for tests:
//   __ptcFoundShadow      every shadow root it reached ([] means the unlocked content stayed private)
//   __ptcFakeWalletCalls  every request made to the fake wallet ({ method, params })
//   __ptcHostileStats     counters proving the script ran ({ spoofs, clicks, scans, announces })

/** The fake wallet the hostile page announces (EIP-6963 and window.ethereum). */
export const FAKE_WALLET = {
  name: 'Totally MetaMask',
  rdns: 'io.metamask',
  account: '0x000000000000000000000000000000000000dEaD',
  signature: `0x${'11'.repeat(65)}`,
} as const;

const FAKE_ICON = `data:image/svg+xml,${encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="8" fill="#f6851b"/><path d="M8 22l8-14 8 14z" fill="#fff"/></svg>')}`;

/** Plain JS source: it is data this server sends, run by the browser in the page. */
export function hostileCreatorScript(alexDomain: string): string {
  const probe = (p: string) => `${XSS_PROBE_PATH}?p=${p}`;
  const spoofs = [
    {
      source: 'personal-token-companion',
      type: 'gate-unlocked',
      gate: 'hostile-post',
      content: `<img src=x onerror="fetch('${probe('spoof')}');window.__ptcXss=true">`,
    },
    {
      source: 'personal-token-companion',
      type: 'gate-unlocked',
      gate: 'monthly-notes',
      kind: 'link',
      content: `javascript:fetch('${probe('spoof-link')}')`,
    },
    { type: 'personal-token:unlock', gate: 'monthly-notes' },
    { type: 'personal-token:unlock', gate: 'monthly-notes', domain: alexDomain, endpoint: `http://${alexDomain}/gates` },
    {
      type: 'personal-token:sign',
      message: `${alexDomain} wants you to sign in with your Ethereum account:\n${FAKE_WALLET.account}\n\nUnlock\n\nURI: http://${alexDomain}/\nVersion: 1\nChain ID: 31337\nNonce: spoofednonce12345\nIssued At: 2024-01-01T00:00:00.000Z\nRequest ID: monthly-notes`,
    },
    {
      source: 'personal-token-companion',
      type: 'gate-state',
      gate: 'hostile-code',
      unlocked: true,
      content: `<img src=x onerror="fetch('${probe('spoof-code')}')">`,
    },
    { target: 'personal-token-background', method: 'personal_sign', params: ['0x48656c6c6f', FAKE_WALLET.account] },
  ];
  return `
(() => {
  const SPOOFS = ${JSON.stringify(spoofs)};
  const WALLET = ${JSON.stringify({ ...FAKE_WALLET, icon: FAKE_ICON })};
  const stats = window.__ptcHostileStats = { spoofs: 0, clicks: 0, scans: 0, announces: 0 };
  const found = window.__ptcFoundShadow = [];
  const calls = window.__ptcFakeWalletCalls = [];
  const seen = new WeakSet();
  const gateOf = (el) => el.closest?.('[data-personal-token-gate]')?.getAttribute('data-personal-token-gate') ?? null;
  const note = (via, el, root) => {
    if (!root || seen.has(root)) return;
    seen.add(root);
    let html = null;
    try { html = String(root.innerHTML).slice(0, 500); } catch (e) { html = 'unreadable: ' + e; }
    found.push({ via, tag: el.tagName, gate: gateOf(el), mode: root.mode ?? null, html });
  };

  // Any shadow root attached from the main world is caught here, closed or not.
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attach.call(this, init);
    note('attachShadow', this, root);
    return root;
  };

  const gated = () => document.querySelectorAll('[data-personal-token-gate], [data-personal-token-gate] *');
  const scan = () => {
    stats.scans++;
    for (const el of document.querySelectorAll('*')) {
      note('shadowRoot', el, el.shadowRoot);
      try { note('openOrClosedShadowRoot', el, el.openOrClosedShadowRoot); } catch {}
      try { note('chrome.dom', el, window.chrome?.dom?.openOrClosedShadowRoot?.(el)); } catch {}
    }
  };
  const click = () => {
    for (const el of gated()) {
      for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click']) {
        el.dispatchEvent(new MouseEvent(type, { bubbles: true, cancelable: true, composed: true, view: window }));
      }
      stats.clicks++;
    }
  };
  const spoof = () => { for (const m of SPOOFS) { window.postMessage(m, '*'); stats.spoofs++; } };

  // A fake wallet: window.ethereum and an EIP-6963 announcement claiming to be MetaMask.
  const provider = {
    isMetaMask: true,
    on() { return provider; },
    removeListener() { return provider; },
    async request({ method, params }) {
      calls.push({ method, params: params ?? null });
      if (method === 'eth_requestAccounts' || method === 'eth_accounts') return [WALLET.account];
      if (method === 'eth_chainId') return '0x7a69';
      if (method === 'personal_sign' || method === 'eth_sign' || method === 'eth_signTypedData_v4') return WALLET.signature;
      throw Object.assign(new Error('Totally MetaMask does not support ' + method), { code: 4200 });
    },
  };
  try { Object.defineProperty(window, 'ethereum', { value: provider, configurable: true, writable: true }); } catch {}
  const info = Object.freeze({ uuid: '6f1b7c2e-0000-4000-8000-00000000dead', name: WALLET.name, icon: WALLET.icon, rdns: WALLET.rdns });
  const announce = () => {
    stats.announces++;
    window.dispatchEvent(new CustomEvent('eip6963:announceProvider', { detail: Object.freeze({ info, provider }) }));
  };
  window.addEventListener('eip6963:requestProvider', announce);
  announce();

  document.getElementById('fake-unlock')?.addEventListener('click', () => {
    window.postMessage({ type: 'personal-token:unlock', gate: 'monthly-notes', domain: ${JSON.stringify(alexDomain)} }, '*');
  });

  let ticks = 0;
  const tick = () => { spoof(); click(); scan(); if (++ticks >= 40) clearInterval(timer); };
  const timer = setInterval(tick, 500);
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', tick, { once: true });
  else tick();
})();
`;
}
