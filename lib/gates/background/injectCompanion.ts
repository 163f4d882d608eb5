import { browser } from 'wxt/browser';

/** Built by WXT from entrypoints/companion.content (registration: runtime). */
const COMPANION_SCRIPT = '/content-scripts/companion.js';

/**
 * The in-page companion and gates run only where a page declared a token: injected then, so the
 * script that runs on every page stays tiny. It guards itself against a second injection.
 */
export async function injectCompanion(tabId: number, documentId: string | null): Promise<void> {
  const target = documentId ? { tabId, documentIds: [documentId] } : { tabId, frameIds: [0] };
  try {
    await browser.scripting.executeScript({ target, files: [COMPANION_SCRIPT] });
  } catch (error) {
    // The tab navigated or closed meanwhile, or the browser withholds access to the site.
    console.warn('in-page companion not injected', error);
  }
}
