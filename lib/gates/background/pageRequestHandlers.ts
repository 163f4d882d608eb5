import { browser } from 'wxt/browser';
import { saveSitePrefs } from '@/lib/gates/sitePrefsRepository';
import { forgetUnlockSessions } from '@/lib/gates/unlockSessionsRepository';
import { backgroundDeps } from '../../app/background/backgroundDeps';
import type { PageRequestMap, PageRequestType } from '@/lib/gates/contract';
import { UserFacingError } from '../../app/userFacingError';
import { companionSummary } from './companionSummary';
import { gateViews } from './gateViews';
import type { PageContext } from './pageContext';
import { unlockGate } from './unlockGate';

type Handlers = { [T in PageRequestType]: (page: PageContext, payload: PageRequestMap[T]['payload']) => Promise<PageRequestMap[T]['result']> };

export const pageRequestHandlers: Handlers = {
  'page-gates': (page) => gateViews(backgroundDeps(), page),
  'companion-summary': (page) => companionSummary(backgroundDeps(), page),
  'unlock-gate': (page, { gateId, walletUuid }) => unlockGate(backgroundDeps(), page, gateId, walletUuid ?? null),
  'lock-gate': async (page, { gateId }) => {
    await forgetUnlockSessions(backgroundDeps().db, page.origin, [gateId]);
    const view = (await gateViews(backgroundDeps(), page)).find((v) => v.gateId === gateId);
    if (!view) throw new UserFacingError('This site declares no such gate.');
    return view;
  },
  'companion-dismiss': async (page, { dismissed }) => {
    await saveSitePrefs(backgroundDeps().db, page.origin, { companionDismissed: dismissed });
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
