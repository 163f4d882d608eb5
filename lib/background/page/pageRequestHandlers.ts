import { browser } from 'wxt/browser';
import { database } from '@/lib/db/database';
import { saveSitePrefs } from '@/lib/db/sitePrefsRepository';
import type { FrameRequestMap, FrameRequestType, PageRequestMap, PageRequestType } from '@/lib/messaging/pageRequests';
import { UserFacingError } from '../userFacingError';
import { companionSummary } from './companionSummary';
import { gateViews, unlockedGateIds } from './gateViews';
import { gatesOf, type PageContext } from './pageContext';
import { unlockGate } from './unlockGate';

type PageHandlers = { [T in PageRequestType]: (page: PageContext, payload: PageRequestMap[T]['payload']) => Promise<PageRequestMap[T]['result']> };
type FrameHandlers = { [T in FrameRequestType]: (page: PageContext, payload: FrameRequestMap[T]['payload']) => Promise<FrameRequestMap[T]['result']> };

/** The content script in the page: where frames go, nothing the page could not see anyway. */
export const pageRequestHandlers: PageHandlers = {
  'page-layout': async (page) => {
    const [unlocked, prefs] = await Promise.all([unlockedGateIds(page), database().sitePrefs.get(page.origin)]);
    return { gates: gatesOf(page).map((g) => ({ gateId: g.id, unlocked: unlocked.has(g.id) })), card: !(prefs?.companionDismissed ?? false) };
  },
};

/** Our page frame in that tab: what the holder sees, and what they do. */
export const frameRequestHandlers: FrameHandlers = {
  'frame-gate': async (page, { gateId }) => {
    const [view] = await gateViews(page, Date.now(), gateId);
    if (!view) throw new UserFacingError('This site declares no such gate.');
    return view;
  },
  'companion-summary': (page) => companionSummary(page),
  'unlock-gate': (page, { gateId, walletUuid }) => unlockGate(page, gateId, walletUuid ?? null),
  'lock-gate': async (page, { gateId }) => {
    await database().unlockSessions.delete([page.origin, gateId]);
    const [view] = await gateViews(page, Date.now(), gateId);
    if (!view) throw new UserFacingError('This site declares no such gate.');
    return view;
  },
  'companion-dismiss': async (page, { dismissed }) => {
    await saveSitePrefs(database(), page.origin, { companionDismissed: dismissed });
    return null;
  },
  'open-popup': async (page) => {
    try {
      await browser.action.openPopup();
    } catch {
      // Browsers that cannot open the popup from here (or without a focused window): the same page in a small window.
      await browser.windows.create({ url: browser.runtime.getURL(`/popup.html?tab=${page.tabId}`), type: 'popup', width: 400, height: 640 });
    }
    return null;
  },
};
