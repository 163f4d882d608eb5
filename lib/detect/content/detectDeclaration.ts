import { browser } from 'wxt/browser';
import { DECLARATION_MESSAGE, type DeclarationMessage, type ManifestFetch } from '@/lib/detect/declarationMessage';
import { REQUEST_CHANNEL, type RequestEnvelope } from '@/lib/messaging/envelope';
import { fetchManifest, readDeclaration } from './readDeclaration';

/** Quiet time after the page's last change to its head before the declaration is read again. */
const SETTLE_MS = 300;
/** And at most one re-read per this long, so a page that keeps changing costs at most one fetch a second. */
const MIN_GAP_MS = 1_000;

let announced = ''; // what the background last heard: '' for nothing declared
let fetched: { url: string; manifest: ManifestFetch } | null = null;

/**
 * Content-script body: on a page that declares nothing it reads two selectors and stops, leaving
 * an observer on <head>. A single-page site that changes its declaration (or adds or removes it)
 * is read again once its head settles; the background hears only real changes, and a manifest
 * URL is fetched once however often the page churns.
 */
export async function detectDeclaration(): Promise<void> {
  const first = announce();
  const head = document.head;
  if (head) {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let lastRead = 0;
    new MutationObserver(() => {
      clearTimeout(timer);
      timer = setTimeout(
        () => {
          lastRead = Date.now();
          void announce();
        },
        Math.max(SETTLE_MS, lastRead + MIN_GAP_MS - Date.now()),
      );
    }).observe(head, { childList: true, subtree: true, attributes: true, attributeFilter: ['name', 'content', 'rel', 'href'] });
  }
  await first;
}

async function announce(): Promise<void> {
  const declaration = readDeclaration(document, location.origin);
  const key = declaration ? JSON.stringify(declaration) : '';
  if (key === announced) return;
  announced = key;
  if (!declaration) return send({ kind: DECLARATION_MESSAGE, token: null, pageError: null, manifest: null, withdrawn: true });
  const url = declaration.manifestUrl;
  if (url && fetched?.url !== url) fetched = { url, manifest: await fetchManifest(url) };
  if (announced !== key) return; // changed again while fetching: that newer reading reports
  await send({
    kind: DECLARATION_MESSAGE,
    token: declaration.token,
    pageError: declaration.pageError,
    manifest: url ? fetched!.manifest : null,
  });
}

async function send(message: DeclarationMessage): Promise<void> {
  const envelope: RequestEnvelope<'declaration', DeclarationMessage> = { channel: REQUEST_CHANNEL, type: 'declaration', payload: message };
  await browser.runtime.sendMessage(envelope).catch(() => {
    // The background may be restarting; the next page load reports again.
  });
}
