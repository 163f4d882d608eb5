/** Escapes text for HTML element content and double-quoted attribute values. */
export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export interface PageParts {
  title: string;
  /** Extra markup for <head>; trusted, written by this server. */
  head?: string;
  body: string;
  /** The two colours of the avatar gradient and buttons. */
  accent?: [string, string];
}

// Everything is inline (styles, avatar, icon) so that a page load is exactly one request:
// tests count requests to prove the extension adds none.
const CSS = `
:root { color-scheme: light; --accent: #6d4aff; --ink: #1b1b24; --muted: #5d5f6e; --line: #e6e4ef; --bg: #faf9fd; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.6 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: var(--bg); }
a { color: var(--accent); }
.nav { display: flex; justify-content: space-between; align-items: center; max-width: 880px; margin: 0 auto; padding: 20px 24px; }
.brand { font-weight: 700; letter-spacing: -0.01em; text-decoration: none; color: var(--ink); }
.nav ul { display: flex; gap: 20px; list-style: none; margin: 0; padding: 0; font-size: 15px; }
.nav ul a { color: var(--muted); text-decoration: none; }
main { max-width: 880px; margin: 0 auto; padding: 0 24px 48px; }
.hero { display: grid; grid-template-columns: 112px 1fr; gap: 28px; align-items: center; padding: 40px 0 32px; }
.avatar { width: 112px; height: 112px; border-radius: 50%; display: grid; place-items: center; color: #fff; font-size: 40px; font-weight: 700;
  background: linear-gradient(135deg, var(--accent), var(--accent2, #ff8a5b)); box-shadow: 0 10px 30px -12px var(--accent); }
h1 { font-size: 40px; line-height: 1.15; margin: 0 0 8px; letter-spacing: -0.02em; }
.tagline { font-size: 19px; color: var(--muted); margin: 0; }
.hero.solo { grid-template-columns: 1fr; }
.meta { color: var(--muted); font-size: 14px; margin-top: 6px; }
.token { display: flex; flex-wrap: wrap; gap: 12px 28px; align-items: center; padding: 18px 22px; border: 1px solid var(--line);
  border-radius: 14px; background: #fff; margin-bottom: 32px; }
.token b { font-size: 20px; }
.token small { display: block; color: var(--muted); font-size: 13px; }
.token code { font-size: 13px; }
.button { margin-left: auto; padding: 10px 18px; border-radius: 999px; background: var(--accent); color: #fff; text-decoration: none; font-weight: 600; }
button.button { border: 0; font: inherit; font-weight: 600; cursor: pointer; }
.grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(240px, 1fr)); gap: 20px; }
.card { background: #fff; border: 1px solid var(--line); border-radius: 14px; padding: 20px 22px; }
.card h2 { font-size: 18px; margin: 0 0 8px; }
.card p { margin: 0 0 10px; color: #34343f; font-size: 15px; }
footer { max-width: 880px; margin: 0 auto; padding: 0 24px 32px; color: var(--muted); font-size: 14px; }
footer > div { border-top: 1px solid var(--line); padding-top: 24px; }
/* Gated blocks: a card with a lock drawn in CSS (headless machines have no emoji font). */
.card.wide { grid-column: 1 / -1; }
.gates { display: grid; grid-template-columns: repeat(auto-fit, minmax(300px, 1fr)); gap: 14px; margin-top: 14px; }
.gates > .gate:first-child { grid-column: 1 / -1; }
.gate { position: relative; padding: 16px 16px 14px 54px; border: 1px dashed color-mix(in srgb, var(--accent) 50%, var(--line));
  border-radius: 12px; background: linear-gradient(180deg, #fff, color-mix(in srgb, var(--accent) 6%, #fff)); }
.gate h3 { font-size: 16px; line-height: 1.3; margin: 0 0 4px; }
.card .gate p { margin: 0; font-size: 14px; color: var(--muted); }
.card .gate p.need { margin-top: 10px; font-size: 12px; font-weight: 700; letter-spacing: 0.04em; text-transform: uppercase; color: var(--accent); }
.lock { position: absolute; left: 18px; top: 27px; width: 20px; height: 15px; border-radius: 4px; background: var(--accent); }
.lock::before { content: ""; position: absolute; left: 3px; top: -10px; width: 14px; height: 13px; box-sizing: border-box;
  border: 3px solid var(--accent); border-bottom: 0; border-radius: 8px 8px 0 0; }
.lock::after { content: ""; position: absolute; left: 8px; top: 4px; width: 4px; height: 6px; border-radius: 2px; background: #fff; }
pre { background: #f1effa; padding: 12px 14px; border-radius: 10px; overflow-x: auto; font-size: 13px; }
`;

/** A page with just a headline, a line under it and some cards: the edge-case pages. */
export function simpleBody(title: string, tagline: string, cards: string, brand = 'Demo server · edge cases'): string {
  return `<nav class="nav"><a class="brand" href="/">${esc(brand)}</a></nav>
<main><header class="hero solo"><div><h1>${esc(title)}</h1><p class="tagline">${esc(tagline)}</p></div></header>
${cards}</main>`;
}

export function page({ title, head = '', body, accent }: PageParts): string {
  const accentCss = accent ? `:root { --accent: ${accent[0]}; --accent2: ${accent[1]}; }` : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<link rel="icon" href="data:,">
${head}
<style>${CSS}${accentCss}</style>
</head>
<body>
${body}
</body>
</html>
`;
}
