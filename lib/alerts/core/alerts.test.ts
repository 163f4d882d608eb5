import { describe, expect, test } from 'vitest';
import {
  ALERT_KINDS,
  alertKey,
  DEFAULT_ALERT_PREFS,
  dueAlerts,
  inQuietHours,
  MAX_SEPARATE_NOTIFICATIONS,
  notificationCreator,
  notificationId,
  planAlerts,
  seenToForget,
  timeLeft,
  type AlertPrefs,
  type CreatorObservation,
} from './alerts';

const NOW = Date.UTC(2026, 11, 1, 12, 0, 0);
const H = 3_600_000;
const ALEX = 'eip155:31337/erc20:0x5FbDB2315678afecb367f032d93F642f64180aa3';
const MIKE = 'eip155:31338/erc20:0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512';

function creator(overrides: Partial<CreatorObservation> = {}): CreatorObservation {
  return { tokenId: ALEX, creatorName: 'Alex Masmej', rounds: [], proposals: [], programs: [], gates: [], ...overrides };
}
const round = (id: string, o: Partial<CreatorObservation['rounds'][number]> = {}) => ({
  id,
  title: `Round ${id}`,
  claimable: true,
  amountText: '1,250 ALEX',
  endsAt: null,
  ...o,
});
const proposal = (id: string, o: Partial<CreatorObservation['proposals'][number]> = {}) => ({
  id,
  title: `Proposal ${id}`,
  open: true,
  end: NOW + 5 * 24 * H,
  voted: false,
  ...o,
});
const kinds = (obs: CreatorObservation[]) => dueAlerts(obs, NOW).map((a) => `${a.kind} ${a.key.split('|')[2]}`);
const prefs = (o: Partial<AlertPrefs> = {}): AlertPrefs => ({ ...DEFAULT_ALERT_PREFS, ...o });
const noon = 12 * 60;

describe('what is due', () => {
  test('a claimable round is due; claimed, not eligible or ended ones are not', () => {
    expect(kinds([creator({ rounds: [round('q1'), round('q2', { claimable: false }), round('old', { endsAt: NOW - 1 })] })])).toEqual([
      'new-round q1',
    ]);
    const [alert] = dueAlerts([creator({ rounds: [round('q1')] })], NOW);
    expect(alert).toMatchObject({
      key: alertKey('new-round', ALEX, 'q1'),
      title: 'Alex Masmej: income to claim',
      message: '1,250 ALEX from “Round q1” is yours to claim.',
    });
  });

  test('a claim ending within 3 days is also "about to expire"; later or without an end date it is not', () => {
    expect(
      kinds([creator({ rounds: [round('soon', { endsAt: NOW + 10 * H }), round('later', { endsAt: NOW + 5 * 24 * H }), round('open')] })]),
    ).toEqual(['new-round soon', 'claim-expiring soon', 'new-round later', 'new-round open']);
    const expiring = dueAlerts([creator({ rounds: [round('soon', { endsAt: NOW + 10 * H })] })], NOW)[1];
    expect(expiring?.message).toBe('“Round soon” stops paying out in 10 hours; claim 1,250 ALEX before then.');
  });

  test('an open proposal is new; closing within 24 h and not voted on is urgent', () => {
    expect(
      kinds([
        creator({
          proposals: [
            proposal('far'),
            proposal('soon', { end: NOW + 3 * H }),
            proposal('voted', { end: NOW + 3 * H, voted: true }),
            proposal('closed', { open: false }),
            proposal('past', { end: NOW - 1 }),
          ],
        }),
      ]),
    ).toEqual(['new-proposal far', 'new-proposal soon', 'vote-closing soon', 'new-proposal voted']);
  });

  test('reward programs ending within 24 h and gates locking within 2 h', () => {
    expect(
      kinds([
        creator({
          programs: [
            { id: 'p1', title: 'Staking', endsAt: NOW + 20 * H },
            { id: 'p2', title: 'Later', endsAt: NOW + 30 * H },
            { id: 'p3', title: 'Ended', endsAt: NOW - H },
            { id: 'p4', title: 'Unknown', endsAt: null },
          ],
          gates: [
            { id: 'notes', title: 'Notes', expiresAt: NOW + H },
            { id: 'merch', title: 'Merch', expiresAt: NOW + 5 * H },
            { id: 'gone', title: 'Gone', expiresAt: NOW - 1 },
          ],
        }),
      ]),
    ).toEqual(['program-ending p1', 'gate-expiring notes']);
  });

  test('the same subject of two creators has two keys', () => {
    const due = dueAlerts(
      [creator({ rounds: [round('q1')] }), creator({ tokenId: MIKE, creatorName: 'Mike', rounds: [round('q1')] })],
      NOW,
    );
    expect(new Set(due.map((a) => a.key)).size).toBe(2);
  });

  test('time left reads naturally', () => {
    expect(timeLeft(NOW + 60_000, NOW)).toBe('in 1 minute');
    expect(timeLeft(NOW + 40 * 60_000, NOW)).toBe('in 40 minutes');
    expect(timeLeft(NOW + 5 * H, NOW)).toBe('in 5 hours');
    expect(timeLeft(NOW + 72 * H, NOW)).toBe('in 3 days');
  });
});

describe('what to notify', () => {
  const due = dueAlerts([creator({ rounds: [round('q1')], proposals: [proposal('p', { end: NOW + 3 * H })] })], NOW);

  test('first time: everything due is notified and waiting', () => {
    const plan = planAlerts(due, new Set(), prefs(), noon);
    expect(plan.notify.map((a) => a.kind)).toEqual(['new-round', 'new-proposal', 'vote-closing']);
    expect(plan.waiting).toHaveLength(3);
    expect(plan.notifications.map((n) => n.id)).toEqual(due.map((a) => notificationId(ALEX, a.key)));
  });

  test('never twice: seen keys are not notified again but still wait', () => {
    const plan = planAlerts(due, new Set(due.map((a) => a.key)), prefs(), noon);
    expect(plan.notify).toEqual([]);
    expect(plan.notifications).toEqual([]);
    expect(plan.waiting).toHaveLength(3);
  });

  test('a kind turned off or a muted creator is neither notified nor counted', () => {
    const off = planAlerts(due, new Set(), prefs({ kinds: { ...DEFAULT_ALERT_PREFS.kinds, 'new-proposal': false } }), noon);
    expect(off.notify.map((a) => a.kind)).toEqual(['new-round', 'vote-closing']);
    expect(off.waiting).toHaveLength(2);
    expect(planAlerts(due, new Set(), prefs({ mutedCreators: [ALEX] }), noon)).toEqual({ waiting: [], notify: [], notifications: [] });
    expect(planAlerts(due, new Set(), prefs({ enabled: false }), noon).waiting).toEqual([]);
  });

  test('quiet hours hold notifications (still waiting), which come once they end', () => {
    const quiet = prefs({ quietHours: { from: 22 * 60, to: 7 * 60 } });
    const night = planAlerts(due, new Set(), quiet, 23 * 60);
    expect(night.notify).toEqual([]);
    expect(night.waiting).toHaveLength(3);
    expect(planAlerts(due, new Set(), quiet, 7 * 60).notify).toHaveLength(3);
  });

  test('many new alerts at once become one summary notification', () => {
    const many = dueAlerts(
      [
        creator({ rounds: [round('a'), round('b')] }),
        creator({ tokenId: MIKE, creatorName: 'Mike Merrill', rounds: [round('c'), round('d')] }),
      ],
      NOW,
    );
    const plan = planAlerts(many, new Set(), prefs(), noon);
    expect(plan.notify).toHaveLength(4);
    expect(plan.notifications).toHaveLength(1);
    expect(plan.notifications[0]).toMatchObject({
      tokenId: null,
      title: '4 things need you',
      message: 'From Alex Masmej, Mike Merrill. Open the companion to see them.',
    });
    expect(MAX_SEPARATE_NOTIFICATIONS).toBe(3);
    const oneCreator = dueAlerts([creator({ rounds: [round('a'), round('b'), round('c'), round('d')] })], NOW);
    expect(planAlerts(oneCreator, new Set(), prefs(), noon).notifications[0]?.tokenId).toBe(ALEX);
  });

  test('duplicate keys in the readings count once', () => {
    expect(planAlerts([...due, ...due], new Set(), prefs(), noon).waiting).toHaveLength(3);
  });
});

test('quiet hours, same day and across midnight', () => {
  expect(inQuietHours(null, 0)).toBe(false);
  expect(inQuietHours({ from: 600, to: 600 }, 600)).toBe(false);
  expect(inQuietHours({ from: 13 * 60, to: 14 * 60 }, 13 * 60)).toBe(true);
  expect(inQuietHours({ from: 13 * 60, to: 14 * 60 }, 14 * 60)).toBe(false);
  expect(inQuietHours({ from: 22 * 60, to: 7 * 60 }, 23 * 60)).toBe(true);
  expect(inQuietHours({ from: 22 * 60, to: 7 * 60 }, 6 * 60 + 59)).toBe(true);
  expect(inQuietHours({ from: 22 * 60, to: 7 * 60 }, 12 * 60)).toBe(false);
});

test('a notification id names the creator to open', () => {
  expect(notificationCreator(notificationId(ALEX, alertKey('new-round', ALEX, 'q1')))).toBe(ALEX);
  expect(notificationCreator(notificationId(null, 'summary'))).toBeNull();
  expect(notificationCreator('something-else')).toBeNull();
});

test('seen keys are forgotten 90 days after notifying, unless still due', () => {
  const day = 24 * H;
  const seen = [
    { key: 'a', notifiedAt: NOW - 100 * day },
    { key: 'b', notifiedAt: NOW - 100 * day },
    { key: 'c', notifiedAt: NOW - day },
  ];
  expect(seenToForget(seen, new Set(['b']), NOW)).toEqual(['a']);
});

test('every kind has a label and a default', () => {
  for (const kind of ALERT_KINDS) expect(DEFAULT_ALERT_PREFS.kinds[kind]).toBe(true);
});
