import DOMPurify, { type Config } from 'dompurify';

// Unlocked posts come from the creator's server and are shown inside the creator's page: they are
// sanitized like hostile input. Only text formatting, links and images are kept; no script, no
// handler, no style, no form, no frame or plugin, no SVG or MathML (namespace tricks), no URL
// scheme but http(s) and mailto. The result is a fragment (never re-parsed from a string, which is
// where mutation XSS lives), appended into a closed shadow root.

const ALLOWED_TAGS = [
  'a',
  'abbr',
  'b',
  'blockquote',
  'br',
  'caption',
  'cite',
  'code',
  'dd',
  'del',
  'dfn',
  'div',
  'dl',
  'dt',
  'em',
  'figcaption',
  'figure',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
  'i',
  'img',
  'ins',
  'kbd',
  'li',
  'mark',
  'ol',
  'p',
  'pre',
  'q',
  's',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'time',
  'tr',
  'u',
  'ul',
];
const ALLOWED_ATTR = ['alt', 'cite', 'colspan', 'datetime', 'dir', 'height', 'href', 'lang', 'rowspan', 'src', 'start', 'title', 'width'];

const CONFIG: Config = {
  ALLOWED_TAGS,
  ALLOWED_ATTR,
  ALLOWED_URI_REGEXP: /^(?:https?|mailto):/i,
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  KEEP_CONTENT: true,
  WHOLE_DOCUMENT: false,
};

/** Images only over https (or as inline raster data): nothing that can run. */
const SAFE_IMAGE = /^(?:https:|data:image\/(?:png|gif|jpeg|webp);base64,)/i;

export function sanitizeUnlockedHtml(html: string, win: Window & typeof globalThis = window): DocumentFragment {
  const purify = DOMPurify(win);
  purify.addHook('afterSanitizeAttributes', (node) => {
    if (node.nodeName === 'A' && node.hasAttribute('href')) {
      node.setAttribute('target', '_blank');
      node.setAttribute('rel', 'noopener noreferrer nofollow');
    }
    if (node.nodeName === 'IMG') {
      if (!SAFE_IMAGE.test(node.getAttribute('src') ?? '')) node.removeAttribute('src');
      node.setAttribute('referrerpolicy', 'no-referrer');
      node.setAttribute('loading', 'lazy');
    }
  });
  return purify.sanitize(html, { ...CONFIG, RETURN_DOM_FRAGMENT: true });
}
