import { caip19, type DemoCreator } from './creators';
import { gateBlock } from './gates/gateBlocks';
import { esc, page } from './html';

export const MANIFEST_PATH = '/personal-token.json';

/** The two lines a creator adds to their site (the protocol's whole page side). */
export function declarationTags(token: string, manifestHref: string): string {
  return `<meta name="personal-token" content="${esc(token)}">
<link rel="personal-token-manifest" href="${esc(manifestHref)}">`;
}

function shortAddress(address: string): string {
  return `${address.slice(0, 6)}…${address.slice(-4)}`;
}

/** A small, ordinary-looking creator home page that declares the creator's token. */
export function creatorHomePage(creator: DemoCreator): string {
  const token = caip19(creator.chainId, creator.token);
  const gates = (creator.gates ?? []).map((g) => gateBlock(g, creator.symbol)).join('\n');
  const sections = creator.sections
    .map((s) => {
      const copy = s.body.map((p) => `<p>${esc(p)}</p>`).join('');
      if (!s.gated || !gates) return `<section class="card"><h2>${esc(s.title)}</h2>${copy}</section>`;
      return `<section class="card wide" id="holders"><h2>${esc(s.title)}</h2>${copy}<div class="gates">\n${gates}\n</div></section>`;
    })
    .join('\n');
  const body = `
<nav class="nav">
  <a class="brand" href="/">${esc(creator.name)}</a>
  <ul><li><a href="#about">About</a></li><li><a href="#token">$${esc(creator.symbol)}</a></li><li><a href="#votes">Votes</a></li></ul>
</nav>
<main>
  <header class="hero" id="about">
    <div class="avatar" aria-hidden="true">${esc(creator.initials)}</div>
    <div>
      <h1>${esc(creator.name)}</h1>
      <p class="tagline">${esc(creator.tagline)}</p>
    </div>
  </header>
  <div class="token" id="token">
    <div><small>Personal token</small><b>$${esc(creator.symbol)}</b></div>
    <div><small>Chain</small>${creator.chainId === 31337 ? 'Devnet A' : 'Devnet B'} (${creator.chainId})</div>
    <div><small>Contract</small><code title="${esc(creator.token)}">${shortAddress(creator.token)}</code></div>
    <a class="button" href="#votes">Become a holder</a>
  </div>
  <div class="grid" id="votes">
${sections}
  </div>
</main>
<footer><div>
  This site declares $${esc(creator.symbol)} so that wallet companions can find it:
  <pre>${esc(declarationTags(token, MANIFEST_PATH))}</pre>
</div></footer>`;
  return page({
    title: `${creator.name} · $${creator.symbol}`,
    head: declarationTags(token, MANIFEST_PATH),
    body,
    accent: creator.accent,
  });
}
