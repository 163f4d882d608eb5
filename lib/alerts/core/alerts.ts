// What needs the holder, decided from what the refresh read, and which of it to notify now.
// Pure: no browser, no database. The background feeds it readings and the seen keys, and
// stores what it returns.

export const ALERT_KINDS = ['new-round', 'claim-expiring', 'new-proposal', 'vote-closing', 'program-ending', 'gate-expiring'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

export const ALERT_KIND_LABELS: Record<AlertKind, string> = {
  'new-round': 'A new income round to claim',
  'claim-expiring': 'A claim about to expire',
  'new-proposal': 'A new proposal',
  'vote-closing': 'A vote closing within 24 hours',
  'program-ending': 'A reward program ending',
  'gate-expiring': 'An unlocked gate about to lock again',
};

const HOUR = 3_600_000;
/** How far ahead each deadline is announced. */
export const ALERT_WINDOWS_MS = {
  claimExpiring: 72 * HOUR,
  voteClosing: 24 * HOUR,
  programEnding: 24 * HOUR,
  gateExpiring: 2 * HOUR,
} as const;
/** More new alerts than this in one refresh become one summary notification. */
export const MAX_SEPARATE_NOTIFICATIONS = 3;

/** What one followed creator looks like after a refresh (times in ms since the epoch). */
export interface CreatorObservation {
  tokenId: string;
  creatorName: string;
  rounds: { id: string; title: string; claimable: boolean; amountText: string | null; endsAt: number | null }[];
  proposals: { id: string; title: string; open: boolean; end: number; voted: boolean }[];
  programs: { id: string; title: string; endsAt: number | null }[];
  gates: { id: string; title: string; expiresAt: number }[];
}

export interface Alert {
  /** Stable across refreshes: kind, creator and subject. What "seen" remembers. */
  key: string;
  kind: AlertKind;
  tokenId: string;
  creatorName: string;
  title: string;
  message: string;
  /** The deadline the alert is about, if any (ms). */
  deadline: number | null;
}

export const alertKey = (kind: AlertKind, tokenId: string, subject: string) => `${kind}|${tokenId}|${subject}`;

const within = (deadline: number | null, now: number, window: number): deadline is number =>
  deadline !== null && deadline > now && deadline - now <= window;

/** Human time left, e.g. "in 3 hours", "in 2 days", "in 40 minutes". */
export function timeLeft(deadline: number, now: number): string {
  const minutes = Math.max(1, Math.round((deadline - now) / 60_000));
  if (minutes < 90) return `in ${minutes} minute${minutes === 1 ? '' : 's'}`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `in ${hours} hours`;
  return `in ${Math.round(hours / 24)} days`;
}

/** Everything that needs the holder now, whatever was notified before. */
export function dueAlerts(observations: CreatorObservation[], now: number): Alert[] {
  const due: Alert[] = [];
  for (const c of observations) {
    const make = (kind: AlertKind, subject: string, title: string, message: string, deadline: number | null): Alert => ({
      key: alertKey(kind, c.tokenId, subject),
      kind,
      tokenId: c.tokenId,
      creatorName: c.creatorName,
      title,
      message,
      deadline,
    });
    for (const r of c.rounds) {
      if (!r.claimable || (r.endsAt !== null && r.endsAt <= now)) continue;
      const amount = r.amountText ? `${r.amountText} ` : '';
      due.push(make('new-round', r.id, `${c.creatorName}: income to claim`, `${amount}from “${r.title}” is yours to claim.`, r.endsAt));
      if (within(r.endsAt, now, ALERT_WINDOWS_MS.claimExpiring)) {
        due.push(
          make(
            'claim-expiring',
            r.id,
            `${c.creatorName}: claim before it ends`,
            `“${r.title}” stops paying out ${timeLeft(r.endsAt, now)}; claim ${amount}before then.`,
            r.endsAt,
          ),
        );
      }
    }
    for (const p of c.proposals) {
      if (!p.open || p.end <= now) continue;
      due.push(make('new-proposal', p.id, `${c.creatorName}: new proposal`, `“${p.title}” is open for votes.`, p.end));
      if (!p.voted && within(p.end, now, ALERT_WINDOWS_MS.voteClosing)) {
        due.push(
          make(
            'vote-closing',
            p.id,
            `${c.creatorName}: vote closes soon`,
            `“${p.title}” closes ${timeLeft(p.end, now)} and you have not voted.`,
            p.end,
          ),
        );
      }
    }
    for (const g of c.programs) {
      if (within(g.endsAt, now, ALERT_WINDOWS_MS.programEnding)) {
        due.push(
          make(
            'program-ending',
            g.id,
            `${c.creatorName}: reward program ending`,
            `“${g.title}” ends ${timeLeft(g.endsAt, now)}.`,
            g.endsAt,
          ),
        );
      }
    }
    for (const g of c.gates) {
      if (within(g.expiresAt, now, ALERT_WINDOWS_MS.gateExpiring)) {
        due.push(
          make(
            'gate-expiring',
            g.id,
            `${c.creatorName}: unlocked content locks soon`,
            `“${g.title}” locks again ${timeLeft(g.expiresAt, now)}; sign again on the site to keep it open.`,
            g.expiresAt,
          ),
        );
      }
    }
  }
  return due;
}

/** The holder's choices about alerts. Quiet hours are minutes of the local day, `from` to `to` (may wrap midnight). */
export interface AlertPrefs {
  enabled: boolean;
  kinds: Record<AlertKind, boolean>;
  mutedCreators: string[];
  quietHours: { from: number; to: number } | null;
  periodMinutes: number;
}

export const DEFAULT_ALERT_PREFS: AlertPrefs = {
  enabled: true,
  kinds: {
    'new-round': true,
    'claim-expiring': true,
    'new-proposal': true,
    'vote-closing': true,
    'program-ending': true,
    'gate-expiring': true,
  },
  mutedCreators: [],
  quietHours: null,
  periodMinutes: 30,
};

export function inQuietHours(quiet: AlertPrefs['quietHours'], minuteOfDay: number): boolean {
  if (!quiet || quiet.from === quiet.to) return false;
  return quiet.from < quiet.to ? minuteOfDay >= quiet.from && minuteOfDay < quiet.to : minuteOfDay >= quiet.from || minuteOfDay < quiet.to;
}

export interface AlertPlan {
  /** Enabled alerts that need the holder now: the list in the popup and the badge count. */
  waiting: Alert[];
  /** Not notified before: to mark seen, then show. */
  notify: Alert[];
  /** What to show: each of `notify`, or one summary when there are many. */
  notifications: { id: string; tokenId: string | null; title: string; message: string }[];
}

/**
 * The diff rule: an alert is notified once per key, ever; off kinds and muted creators are
 * neither counted nor notified (nor marked, so turning them on later notifies what is due then);
 * during quiet hours nothing is notified and nothing is marked, so it comes once they end.
 */
export function planAlerts(due: Alert[], seen: ReadonlySet<string>, prefs: AlertPrefs, minuteOfDay: number): AlertPlan {
  const waiting = prefs.enabled ? due.filter((a) => prefs.kinds[a.kind] !== false && !prefs.mutedCreators.includes(a.tokenId)) : [];
  const unique = [...new Map(waiting.map((a) => [a.key, a])).values()];
  const notify = inQuietHours(prefs.quietHours, minuteOfDay) ? [] : unique.filter((a) => !seen.has(a.key));
  return { waiting: unique, notify, notifications: toNotifications(notify) };
}

/** Notification ids carry the creator to open on click: `ptc|<tokenId or *>|<what>`. */
export function notificationId(tokenId: string | null, what: string): string {
  return `ptc|${tokenId ?? '*'}|${what}`;
}

/** The creator a notification is about (null: several, or not one of ours). */
export function notificationCreator(id: string): string | null {
  const [prefix, tokenId] = id.split('|');
  return prefix === 'ptc' && tokenId && tokenId !== '*' ? tokenId : null;
}

function toNotifications(notify: Alert[]): AlertPlan['notifications'] {
  if (notify.length <= MAX_SEPARATE_NOTIFICATIONS) {
    return notify.map((a) => ({ id: notificationId(a.tokenId, a.key), tokenId: a.tokenId, title: a.title, message: a.message }));
  }
  const creators = [...new Set(notify.map((a) => a.creatorName))];
  const tokenIds = [...new Set(notify.map((a) => a.tokenId))];
  const names = creators.length <= 3 ? creators.join(', ') : `${creators.slice(0, 2).join(', ')} and ${creators.length - 2} more`;
  const tokenId = tokenIds.length === 1 ? tokenIds[0]! : null;
  return [
    {
      id: notificationId(tokenId, `summary:${notify.length}:${notify[0]!.key}`),
      tokenId,
      title: `${notify.length} things need you`,
      message: `From ${names}. Open the companion to see them.`,
    },
  ];
}

/** Seen keys worth keeping: the ones still due, and the rest for `keepMs` after they were notified. */
export function seenToForget(
  seen: { key: string; notifiedAt: number }[],
  dueKeys: ReadonlySet<string>,
  now: number,
  keepMs = 90 * 24 * HOUR,
): string[] {
  return seen.filter((s) => !dueKeys.has(s.key) && now - s.notifiedAt > keepMs).map((s) => s.key);
}
