import type { RequestHandlers } from '@/lib/messaging/contract';
import { backgroundDeps } from '../../app/background/backgroundDeps';
import { updateSetting, writeSetting } from '../../settings/settingsRepository';
import type { alertsRequests } from '../contract';
import { applyOpenIn } from './openIn';
import { ensureAlertAlarm } from './alertAlarm';
import { checkAlerts } from './startAlerts';

export const alertsHandlers: RequestHandlers<typeof alertsRequests> = {
  'set-alert-prefs': async ({ prefs }) => {
    await updateSetting(backgroundDeps().db, 'alerts', () => prefs);
    await ensureAlertAlarm();
    return null;
  },
  'check-alerts': () => checkAlerts(),
  'set-open-in': async ({ openIn }) => {
    await writeSetting(backgroundDeps().db, 'openIn', openIn);
    await applyOpenIn();
    return null;
  },
};
