import { browser } from 'wxt/browser';
import type { AlertSurface } from './alertRefresh';

const TITLE = 'Personal Token Companion';

/**
 * Notifications and the badge. Badge rule: the alert count is the action's global badge, shown
 * on every tab; on a tab whose page declares a creator, the detect mark (✓ • !) set for that tab
 * takes its place, since it is about the page in front of the holder. The count is in the
 * action's title there too.
 */
export const browserSurface: AlertSurface = {
  async show(n) {
    await browser.notifications.create(n.id, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/alert-icon.png'),
      title: n.title,
      message: n.message,
      contextMessage: TITLE,
    });
  },
  async setCount(count) {
    await Promise.all([
      browser.action.setBadgeText({ text: count > 0 ? String(count) : '' }),
      browser.action.setBadgeBackgroundColor({ color: '#1d4ed8' }),
      browser.action.setTitle({ title: count > 0 ? `${TITLE}: ${count} thing${count === 1 ? '' : 's'} waiting for you` : TITLE }),
    ]);
  },
};
