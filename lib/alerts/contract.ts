import '@/lib/protocol/zodNoEval';
import { z } from 'zod';
import { defineRequest } from '@/lib/messaging/contract';
import { ALERT_KINDS } from './core/alerts';

// Requests of the alerts feature (and where the companion opens), from the popup or side panel.

const minute = z
  .number()
  .int()
  .min(0)
  .max(24 * 60 - 1);

export const alertPrefsInput = z.strictObject({
  enabled: z.boolean(),
  kinds: z.strictObject(Object.fromEntries(ALERT_KINDS.map((k) => [k, z.boolean()])) as Record<(typeof ALERT_KINDS)[number], z.ZodBoolean>),
  mutedCreators: z.array(z.string().max(200)).max(500),
  quietHours: z.strictObject({ from: minute, to: minute }).nullable(),
  periodMinutes: z
    .number()
    .int()
    .min(5)
    .max(24 * 60),
});

export const alertsRequests = {
  'set-alert-prefs': defineRequest({ sender: 'popup', input: z.strictObject({ prefs: alertPrefsInput }), output: z.null() }),
  /** Runs the background alert refresh now (what the alarm does). */
  'check-alerts': defineRequest({
    sender: 'popup',
    input: z.strictObject({}),
    output: z.object({ skipped: z.boolean(), waiting: z.number().int(), notified: z.array(z.string()), problems: z.array(z.string()) }),
  }),
  /** Where the toolbar button opens the companion. */
  'set-open-in': defineRequest({ sender: 'popup', input: z.strictObject({ openIn: z.enum(['popup', 'panel']) }), output: z.null() }),
};
