import Dexie from 'dexie';
import { afterEach, expect, test } from 'vitest';
import { CompanionDatabase } from '../db/database';
import { alertKey, DEFAULT_ALERT_PREFS, dueAlerts } from './core/alerts';
import { alertPrefs, saveAlertRun, seenKeys } from './alertsRepository';
import { DEFAULT_SETTINGS } from '../settings/settingsRepository';

const ALEX = 'eip155:31337/erc20:0x5FC8d32690cc91D4c39d9d3abcBD16989F875707';
const HOLDER = '0x70997970c51812dc3a010c7d01b50e0d17dc79c8';
const opened: Dexie[] = [];
const fresh = () => `alerts-db-${Date.now()}-${Math.random()}`;
afterEach(async () => {
  await Promise.all(opened.splice(0).map((db) => db.delete()));
});

function version5(name: string): Dexie {
  const v5 = new Dexie(name);
  v5.version(1).stores({ follows: 'tokenId', lastSeen: 'tokenId', settings: 'key' });
  v5.version(2).stores({ lastSeen: null, holdings: '[account+tokenId], account, tokenId', chainStatus: 'chainId' });
  v5.version(3).stores({ votes: 'id, proposalId, status, account, updatedAt' });
  v5.version(4).stores({
    claimsCache: '[fileHash+account]',
    claimsFiles: 'url',
    lpEntries: '[account+pair], account',
    transactions: 'id, status, account, [tokenId+subject]',
    income: '[account+tokenId], account',
  });
  v5.version(5).stores({ unlockSessions: '[origin+gateId], origin, expiresAt', sitePrefs: 'origin' });
  return v5;
}

const round = (id: string, status: string) => ({
  id,
  title: id,
  date: '2026-01-01',
  status,
  amount: '1',
  tokenSymbol: 'ALEX',
  tokenDecimals: 18,
  paidInCreatorToken: true,
  message: null,
});

test('version 6: rounds already shown as claimable and proposals voted on start as seen; the rest is kept', async () => {
  const name = fresh();
  const v5 = version5(name);
  await v5.table('income').put({
    account: HOLDER,
    tokenId: ALEX,
    rounds: [round('q1', 'claimable'), round('q2', 'claimed')],
    positions: [],
    programs: [],
    blockNumber: '1',
    fetchedAt: 1,
  });
  await v5.table('votes').bulkPut([
    { id: 'v1', tokenId: ALEX, proposalId: '0xp1', status: 'submitted', account: HOLDER, updatedAt: 1 },
    { id: 'v2', tokenId: ALEX, proposalId: '0xp2', status: 'cancelled', account: HOLDER, updatedAt: 1 },
  ]);
  v5.close();

  const db = new CompanionDatabase(name);
  opened.push(db);
  expect([...(await seenKeys(db))].sort()).toEqual([alertKey('new-proposal', ALEX, '0xp1'), alertKey('new-round', ALEX, 'q1')].sort());
  expect((await db.income.toArray())[0]?.rounds).toHaveLength(2);
  expect(await db.votes.count()).toBe(2);
  expect(await db.alerts.count()).toBe(0);
});

test('a run replaces what waits and remembers what was notified, across reopening', async () => {
  const name = fresh();
  const db = new CompanionDatabase(name);
  opened.push(db);
  const now = Date.UTC(2026, 0, 1);
  const due = dueAlerts(
    [
      {
        tokenId: ALEX,
        creatorName: 'Alex',
        rounds: [{ id: 'q1', title: 'Q1', claimable: true, amountText: null, endsAt: null }],
        proposals: [],
        programs: [],
        gates: [],
      },
    ],
    now,
  );
  await saveAlertRun(db, due, due, now);
  db.close();
  const again = new CompanionDatabase(name);
  opened.push(again);
  expect([...(await seenKeys(again))]).toEqual([due[0]!.key]);
  expect((await again.alerts.toArray()).map((a) => a.key)).toEqual([due[0]!.key]);
  await saveAlertRun(again, [], [], now + 1);
  expect(await again.alerts.count()).toBe(0);
  expect(await again.alertsSeen.count()).toBe(1); // still remembered: never notified twice
  expect(await again.alertRuns.get('last')).toMatchObject({ at: now + 1, waiting: 0, notified: 0 });
});

test('saved prefs get defaults for kinds added later', () => {
  const older = { ...DEFAULT_ALERT_PREFS, kinds: { 'new-round': false } } as unknown as typeof DEFAULT_ALERT_PREFS;
  const prefs = alertPrefs({ ...DEFAULT_SETTINGS, alerts: older });
  expect(prefs.kinds['new-round']).toBe(false);
  expect(prefs.kinds['gate-expiring']).toBe(true);
});
