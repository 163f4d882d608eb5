import { browser } from 'wxt/browser';
import { database } from '@/lib/db/database';
import { saveSitePrefs, sitePrefsOf } from '@/lib/gates/sitePrefsRepository';
import { forgetUnlockSessions } from '@/lib/gates/unlockSessionsRepository';
import type { RequestHandlers } from '@/lib/messaging/contract';
import { UserFacingError } from '../../app/userFacingError';
import { readTabState } from '../../detect/background/tabStates';
import type { gatesRequests } from '../contract';
import { companionSummary } from './companionSummary';
import { gateViews, unlockedGateIds } from './gateViews';
import { gatesOf } from './pageContext';
import { unlockGate } from './unlockGate';
import { backgroundDeps } from '../../app/background/backgroundDeps';

export const gatesHandlers: RequestHandlers<typeof gatesRequests> = {
  'page-layout': async (_, page) => {
    const [unlocked, prefs] = await Promise.all([
      unlockedGateIds(backgroundDeps().db, page),
      sitePrefsOf(backgroundDeps().db, page.origin),
    ]);
    return {
      gates: gatesOf(page).map((g) => ({ gateId: g.id, unlocked: unlocked.has(g.id) })),
      card: !(prefs?.companionDismissed ?? false),
    };
  },
  'frame-gate': async ({ gateId }, page) => {
    const [view] = await gateViews(backgroundDeps(), page, Date.now(), gateId);
    if (!view) throw new UserFacingError('This site declares no such gate.');
    return view;
  },
  'companion-summary': (_, page) => companionSummary(backgroundDeps(), page),
  'unlock-gate': ({ gateId, walletUuid }, page) => unlockGate(backgroundDeps(), page, gateId, walletUuid ?? null),
  'lock-gate': async ({ gateId }, page) => {
    await forgetUnlockSessions(backgroundDeps().db, page.origin, [gateId]);
    const [view] = await gateViews(backgroundDeps(), page, Date.now(), gateId);
    if (!view) throw new UserFacingError('This site declares no such gate.');
    return view;
  },
  'companion-dismiss': async ({ dismissed }, page) => {
    await saveSitePrefs(database(), page.origin, { companionDismissed: dismissed });
    return null;
  },
  'open-popup': async (_, page) => {
    try {
      await browser.action.openPopup();
    } catch {
      // Browsers that cannot open the popup from here (or without a focused window): the same page in a small window.
      await browser.windows.create({
        url: browser.runtime.getURL(`/popup.html?tab=${page.tabId}`),
        type: 'popup',
        width: 400,
        height: 640,
      });
    }
    return null;
  },
  'show-page-card': async ({ tabId }) => {
    const state = await readTabState(tabId);
    if (!state) throw new UserFacingError('This tab has no creator page open.');
    await saveSitePrefs(database(), state.origin, { companionDismissed: false });
    return null;
  },
};
