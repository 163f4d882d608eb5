import Dexie from 'dexie';
import { afterEach, expect, test } from 'vitest';
import { CompanionDatabase } from '../db/database';
import type { RedemptionRow } from '../db/rows';
import { redemptionsOf, redemptionsWithStatus, saveRedemption, updateRedemption } from './redemptionsRepository';

const ALEX = 'eip155:31337/erc20:0x5FC8d32690cc91D4c39d9d3abcBD16989F875707';
const HOLDER = '0x70997970c51812dc3a010c7d01b50e0d17dc79c8';
const opened: Dexie[] = [];
const fresh = () => `offers-db-${Date.now()}-${Math.random()}`;
afterEach(async () => {
  await Promise.all(opened.splice(0).map((db) => db.delete()));
});

/** The database as version 8 left it (the stores of lib/db/database.ts up to version 8). */
function version8(name: string): Dexie {
  const v8 = new Dexie(name);
  v8.version(1).stores({ follows: 'tokenId', lastSeen: 'tokenId', settings: 'key' });
  v8.version(2).stores({ lastSeen: null, holdings: '[account+tokenId], account, tokenId', chainStatus: 'chainId' });
  v8.version(3).stores({ votes: 'id, proposalId, status, account, updatedAt' });
  v8.version(4).stores({
    claimsCache: '[fileHash+account]',
    claimsFiles: 'url',
    lpEntries: '[account+pair], account',
    transactions: 'id, status, account, [tokenId+subject]',
    income: '[account+tokenId], account',
  });
  v8.version(5).stores({ unlockSessions: '[origin+gateId], origin, expiresAt', sitePrefs: 'origin' });
  v8.version(6).stores({ alerts: 'key, tokenId', alertsSeen: 'key, notifiedAt', alertRuns: 'id' });
  v8.version(7).stores({ voteSigners: 'key, proposalId, seenAt' });
  v8.version(8).stores({ tokenLists: 'url', discoveries: '[account+tokenId], account' });
  return v8;
}

const redemption = (id: string, createdAt: number, status: RedemptionRow['status']): RedemptionRow => ({
  id,
  tokenId: ALEX,
  chainId: 31337,
  origin: 'http://localhost:4101',
  offerId: 'hour',
  offerTitle: "An hour of Alex's time",
  price: '25000000000000000000000',
  recipient: '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266',
  endpoint: 'http://localhost:4101/offers',
  symbol: 'ALEX',
  decimals: 18,
  account: HOLDER,
  message: null,
  signature: null,
  transactionId: null,
  hash: null,
  reference: null,
  status,
  error: null,
  createdAt,
  updatedAt: createdAt,
});

test('version 9 adds redemptions and keeps everything version 8 had', async () => {
  const name = fresh();
  const v8 = version8(name);
  await v8.table('follows').put({ tokenId: ALEX, chainId: 31337, followedAt: 1 });
  await v8.table('transactions').put({ id: 't1', status: 'confirmed', account: HOLDER, tokenId: ALEX, subject: 'q1', kind: 'claim' });
  v8.close();

  const db = new CompanionDatabase(name);
  opened.push(db);
  expect(db.verno).toBeGreaterThanOrEqual(9);
  expect(await db.follows.count()).toBe(1);
  expect(await db.transactions.get('t1')).toMatchObject({ kind: 'claim', subject: 'q1' });
  expect(await db.redemptions.count()).toBe(0);
});

test('redemptions are kept per creator and holder, newest first, and moved on step by step', async () => {
  const db = new CompanionDatabase(fresh());
  opened.push(db);
  await saveRedemption(db, redemption('r1', 1, 'booked'));
  await saveRedemption(db, redemption('r2', 2, 'proving'));
  await saveRedemption(db, { ...redemption('r3', 3, 'booked'), account: '0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc' });
  expect((await redemptionsOf(db, ALEX, '0x70997970C51812dc3A010C7d01b50e0d17dc79C8')).map((r) => r.id)).toEqual(['r2', 'r1']);
  expect(await updateRedemption(db, 'r2', { status: 'paying', signature: '0x12' }, 10)).toMatchObject({
    status: 'paying',
    signature: '0x12',
    updatedAt: 10,
  });
  expect((await redemptionsWithStatus(db, ['paying', 'booking'])).map((r) => r.id)).toEqual(['r2']);
  expect(await updateRedemption(db, 'gone', { status: 'failed' })).toBeNull();
});
