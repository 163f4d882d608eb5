import { browser } from 'wxt/browser';
import { DECLARATION_MESSAGE, type DeclarationMessage } from '@/lib/detect/declarationMessage';
import { REQUEST_CHANNEL, type RequestEnvelope } from '@/lib/messaging/envelope';
import { fetchManifest, readDeclaration } from './readDeclaration';

/** Content-script body: on a page that declares nothing it reads two selectors and stops. */
export async function detectDeclaration(): Promise<void> {
  const declaration = readDeclaration(document, location.origin);
  if (!declaration) return;
  const manifest = declaration.manifestUrl ? await fetchManifest(declaration.manifestUrl) : null;
  const message: DeclarationMessage = {
    kind: DECLARATION_MESSAGE,
    token: declaration.token,
    pageError: declaration.pageError,
    manifest,
  };
  const envelope: RequestEnvelope<'declaration', DeclarationMessage> = { channel: REQUEST_CHANNEL, type: 'declaration', payload: message };
  await browser.runtime.sendMessage(envelope).catch(() => {
    // The background may be restarting; the next page load reports again.
  });
}
