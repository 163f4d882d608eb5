import { ALEX, caip19 } from '../creators';
import { declarationTags, MANIFEST_PATH } from '../creatorSite';
import { XSS_PROBE_PATH } from '../hostile';
import { page, simpleBody } from '../html';
import { htmlRoute, jsonRoute, type DemoOrigins, type Routes } from '../routes';
import { ALEX_GATES, GATES_PATH } from './alexGates';
import { gateBlock, gateManifestEntry } from './gateBlocks';
import { HOSTILE_POST_PROBES, hostilePost, HOSTILE_POST_VISIBLE_TEXT } from './hostilePayloads';
import { hostileCreatorScript } from './hostileScript';
import type { DemoGate } from './types';

export { FAKE_WALLET } from './hostileScript';
export { HOSTILE_POST_PROBES, HOSTILE_POST_VISIBLE_TEXT, hostilePayloads, probeUrl, type HostilePayload } from './hostilePayloads';

// A creator site that is not Alex but declares $ALEX, on the "other" origin. Its own gate
// endpoint "unlocks" for any valid sign-in to its own domain and returns hostile content; one
// of its gates points at Alex's endpoint, hoping the extension signs in to Alex's domain for it.
// Its page lies about the sign-in domain and runs hostileScript.ts in the main world.

export const HOSTILE_CREATOR_PATH = '/hostile-creator/';
export const HOSTILE_CREATOR_MANIFEST_PATH = `/hostile-creator${MANIFEST_PATH}`;
export const HOSTILE_GATES_PATH = `/hostile-creator${GATES_PATH}`;
export const HOSTILE_CREATOR_TITLE = 'Totally Alex (hostile test site)';

/** What the hostile "link" gate returns: the extension must not render it as a link. */
export const HOSTILE_LINK_CONTENT = `javascript:fetch('${XSS_PROBE_PATH}?p=link-gate')`;
/** What the hostile "code" gate returns: it must appear as text only. */
export const HOSTILE_CODE_CONTENT = `<img src=x onerror="fetch('${XSS_PROBE_PATH}?p=code-gate')">`;

/** Probe ids fired by spoofed window messages, if the extension ever renders what they carry. */
export const HOSTILE_SPOOF_PROBES = ['spoof', 'spoof-link', 'spoof-code'] as const;
/** Every probe id the hostile creator can fire: any of them in the request log means a payload got through. */
export const HOSTILE_PROBE_IDS: readonly string[] = [...HOSTILE_POST_PROBES, 'link-gate', 'code-gate', ...HOSTILE_SPOOF_PROBES];

const OPEN = 0n;
const meta = { minBalance: OPEN } as const;

/** The gates of the hostile manifest (ids, titles, kinds). `monthlyNotes` names Alex's gate on Alex's endpoint. */
export const HOSTILE_GATES = {
  post: {
    ...meta,
    id: 'hostile-post',
    title: 'Holders-only post',
    kind: 'post',
    teaser: 'A post for $ALEX holders only.',
    visibleText: HOSTILE_POST_VISIBLE_TEXT,
  },
  link: {
    ...meta,
    id: 'hostile-link',
    title: 'Secret holders link',
    kind: 'link',
    teaser: 'The link to the real holders group.',
    content: HOSTILE_LINK_CONTENT,
    visibleText: HOSTILE_LINK_CONTENT,
  },
  code: {
    ...meta,
    id: 'hostile-code',
    title: 'Holder discount code',
    kind: 'code',
    teaser: 'A discount for holders.',
    content: HOSTILE_CODE_CONTENT,
    visibleText: HOSTILE_CODE_CONTENT,
  },
  monthlyNotes: { ...ALEX_GATES.monthlyNotes, teaser: "Alex's monthly notes, right here on this page." },
} as const;

/** What the hostile endpoint serves; content depends on the origin (the payloads' probe URLs are absolute). */
export function hostileEndpointGates(origin: string): DemoGate[] {
  return [{ ...HOSTILE_GATES.post, content: hostilePost(origin) }, HOSTILE_GATES.link, HOSTILE_GATES.code];
}

export function hostileCreatorManifest(origins: DemoOrigins): Record<string, unknown> {
  const own = `${origins.other}${HOSTILE_GATES_PATH}`;
  return {
    version: 1,
    token: caip19(ALEX.chainId, ALEX.token),
    creator: {
      name: 'Totally Alex',
      url: `${origins.other}${HOSTILE_CREATOR_PATH}`,
      description: 'Not Alex: a test site that serves hostile gated content.',
    },
    gates: [
      gateManifestEntry(HOSTILE_GATES.post, own),
      gateManifestEntry(HOSTILE_GATES.link, own),
      gateManifestEntry(HOSTILE_GATES.code, own),
      gateManifestEntry(HOSTILE_GATES.monthlyNotes, `${origins.alex}${GATES_PATH}`),
    ],
  };
}

/** The page's CSS tries to restyle everything, the extension's UI included; a test checks it did not. */
export const HOSTILE_PAGE_CSS = `* { color: rgb(255, 0, 0) !important; font-family: serif !important; }
button { background: rgb(255, 0, 0) !important; visibility: hidden !important; }
ptc-gate, ptc-companion { opacity: 0.01; }`;

function hostileCreatorPage(origins: DemoOrigins): string {
  const alexDomain = new URL(origins.alex).host;
  // Lies the extension must ignore: the sign-in domain and endpoint belong to the tab's origin and the manifest.
  const lies = `data-siwe-domain="${alexDomain}" data-personal-token-endpoint="${origins.alex}${GATES_PATH}"`;
  const blocks = Object.values(HOSTILE_GATES)
    .map((g) => gateBlock(g, ALEX.symbol, lies))
    .join('\n');
  const undeclared = gateBlock(
    {
      id: 'not-in-manifest',
      title: 'A gate the manifest does not list',
      teaser: 'The extension should leave this one alone.',
      minBalance: 10n ** 18n,
    },
    ALEX.symbol,
    lies,
  );
  const cards = `<section class="card wide"><h2>Holders only</h2>
<p>Unlock everything below with your wallet. (This site is hostile: nothing here should run, load or sign anything it should not.)</p>
<p><button type="button" class="button" id="fake-unlock" data-personal-token-unlock="monthly-notes">Unlock</button></p>
<div class="gates">
${blocks}
${undeclared}
</div></section>`;
  const head = `${declarationTags(caip19(ALEX.chainId, ALEX.token), HOSTILE_CREATOR_MANIFEST_PATH)}
<meta name="siwe-domain" content="${alexDomain}">
<meta name="personal-token-gate-endpoint" content="${origins.alex}${GATES_PATH}">
<style>${HOSTILE_PAGE_CSS}</style>`;
  const body = `${simpleBody('Totally Alex', 'The official site of Alex Masmej. Definitely.', cards, 'Totally Alex')}
<script>${hostileCreatorScript(alexDomain)}</script>`;
  return page({ title: HOSTILE_CREATOR_TITLE, head, body, accent: ALEX.accent });
}

export function hostileCreatorRoutes(origins: DemoOrigins): Routes {
  const html = htmlRoute(hostileCreatorPage(origins));
  return new Map([
    [HOSTILE_CREATOR_PATH, html],
    [HOSTILE_CREATOR_PATH.slice(0, -1), html],
    [HOSTILE_CREATOR_MANIFEST_PATH, jsonRoute(hostileCreatorManifest(origins))],
  ]);
}

/** The `p` of every request that reached the XSS probe, in order: `firedProbes(server.requests(origins.other))`. */
export function firedProbes(requests: readonly { path: string }[]): string[] {
  return requests
    .filter((r) => r.path.startsWith(XSS_PROBE_PATH))
    .map((r) => new URLSearchParams(r.path.slice(r.path.indexOf('?') + 1)).get('p') ?? r.path);
}
