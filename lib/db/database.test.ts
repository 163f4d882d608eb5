import Dexie from 'dexie';
import type { Address } from 'viem';
import { lowerAddress } from '../protocol/address';
import { buildVoteTypedData } from '../votes/core/buildVoteTypedData';
import { afterEach, describe, expect, test } from 'vitest';
import { CompanionDatabase } from './database';
import { follow, listFollows, unfollow } from '../holdings/followsRepository';
import { holdingsOf, markLooked, saveLatest } from '../holdings/holdingsRepository';
import type { FollowRow, HoldingValues } from './rows';
import { clearAllData, readSettings, writeSetting } from '../settings/settingsRepository';
import { DEFAULT_ALERT_PREFS } from '../alerts/core/alerts';

const ALEX = 'eip155:31337/erc20:0x5FC8d32690cc91D4c39d9d3abcBD16989F875707';
const HOLDER: Address = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
let opened: Dexie[] = [];
let counter = 0;

function freshName(): string {
  return `test-db-${Date.now()}-${counter++}`;
}

function openCompanion(name = freshName()): CompanionDatabase {
  const db = new CompanionDatabase(name);
  opened.push(db);
  return db;
}

afterEach(async () => {
  await Promise.all(opened.map((db) => db.delete()));
  opened = [];
});

const alexFollow: FollowRow = {
  tokenId: ALEX,
  chainId: 31337,
  address: '0x5FC8d32690cc91D4c39d9d3abcBD16989F875707',
  symbol: 'ALEX',
  name: 'Alex Masmej',
  creatorName: 'Alex Masmej',
  siteOrigin: 'http://localhost:4101',
  confirmation: 'confirmed',
  manifest: null,
  followedAt: 1_000,
};

function values(balance: string, blockNumber: string): HoldingValues {
  return {
    balance,
    decimals: 18,
    symbol: 'ALEX',
    name: 'Alex Masmej',
    priceEthE18: '100000000000000',
    ethUsdE18: '3000000000000000000000',
    valueWei: null,
    blockNumber,
    blockTimestamp: 1,
    fetchedAt: 2,
  };
}

describe('migration from version 1', () => {
  test('last-seen rows become holdings of the watch address, looked and latest alike', async () => {
    const name = freshName();
    const v1 = new Dexie(name);
    v1.version(1).stores({ follows: 'tokenId', lastSeen: 'tokenId', settings: 'key' });
    await v1.table('follows').put(alexFollow);
    await v1.table('settings').put({ key: 'watchAddress', value: HOLDER });
    await v1.table('lastSeen').put({
      tokenId: ALEX,
      balance: '12500000000000000000000',
      priceEthE18: '100000000000000',
      valueWei: '1250000000000000000',
      blockNumber: '42',
      seenAt: 1_700_000_000_000,
    });
    // A last-seen row for a token no longer followed has nothing to attach to and is dropped.
    await v1.table('lastSeen').put({
      tokenId: 'eip155:1/erc20:0x0000000000000000000000000000000000000001',
      balance: '1',
      priceEthE18: null,
      valueWei: null,
      blockNumber: '1',
      seenAt: 1,
    });
    v1.close();

    const db = openCompanion(name);
    const rows = await holdingsOf(db, HOLDER);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      account: HOLDER.toLowerCase(),
      tokenId: ALEX,
      chainId: 31337,
      latest: { balance: '12500000000000000000000', symbol: 'ALEX', blockNumber: '42', blockTimestamp: 1_700_000_000 },
    });
    expect(rows[0]!.looked).toEqual(rows[0]!.latest);
    expect(db.tables.map((t) => t.name).sort()).toEqual([
      'alertRuns',
      'alerts',
      'alertsSeen',
      'chainStatus',
      'claimsCache',
      'claimsFiles',
      'discoveries',
      'follows',
      'holdings',
      'income',
      'lpEntries',
      'redemptions',
      'settings',
      'sitePrefs',
      'tokenLists',
      'transactions',
      'unlockSessions',
      'voteSignerBatches',
      'votes',
    ]);
    expect(await listFollows(db)).toEqual([alexFollow]);
  });

  test('a version 1 database without a watch address upgrades with no holdings', async () => {
    const name = freshName();
    const v1 = new Dexie(name);
    v1.version(1).stores({ follows: 'tokenId', lastSeen: 'tokenId', settings: 'key' });
    await v1.table('follows').put(alexFollow);
    await v1.table('lastSeen').put({ tokenId: ALEX, balance: '5', priceEthE18: null, valueWei: null, blockNumber: '1', seenAt: 1 });
    v1.close();

    const db = openCompanion(name);
    expect(await db.holdings.count()).toBe(0);
    expect(await db.follows.count()).toBe(1);
  });
});

describe('migration from version 2', () => {
  test('holdings, follows and settings are kept; the votes table starts empty', async () => {
    const name = freshName();
    const v2 = new Dexie(name);
    v2.version(1).stores({ follows: 'tokenId', lastSeen: 'tokenId', settings: 'key' });
    v2.version(2).stores({ lastSeen: null, holdings: '[account+tokenId], account, tokenId', chainStatus: 'chainId' });
    await v2.table('follows').put(alexFollow);
    await v2.table('settings').put({ key: 'watchAddress', value: HOLDER });
    await v2
      .table('holdings')
      .put({ account: HOLDER.toLowerCase(), tokenId: ALEX, chainId: 31337, latest: values('7', '3'), looked: null });
    v2.close();

    const db = openCompanion(name);
    expect((await holdingsOf(db, HOLDER))[0]?.latest.balance).toBe('7');
    expect((await readSettings(db)).watchAddress).toBe(HOLDER);
    expect(await db.votes.count()).toBe(0);
  });
});

describe('migration from version 3', () => {
  test('votes are kept; the income tables start empty', async () => {
    const name = freshName();
    const v3 = new Dexie(name);
    v3.version(1).stores({ follows: 'tokenId', lastSeen: 'tokenId', settings: 'key' });
    v3.version(2).stores({ lastSeen: null, holdings: '[account+tokenId], account, tokenId', chainStatus: 'chainId' });
    v3.version(3).stores({ votes: 'id, proposalId, status, account, updatedAt' });
    await v3.table('votes').put({ id: 'v1', proposalId: '0xp', status: 'submitted', account: HOLDER.toLowerCase(), updatedAt: 1 });
    v3.close();

    const db = openCompanion(name);
    expect((await db.votes.get('v1'))?.status).toBe('submitted');
    expect(await db.transactions.count()).toBe(0);
    expect(await db.claimsCache.count()).toBe(0);
  });
});

describe('migration from version 4', () => {
  test('income rows and transactions are kept; unlock sessions and site choices start empty', async () => {
    const name = freshName();
    const v4 = new Dexie(name);
    v4.version(1).stores({ follows: 'tokenId', lastSeen: 'tokenId', settings: 'key' });
    v4.version(2).stores({ lastSeen: null, holdings: '[account+tokenId], account, tokenId', chainStatus: 'chainId' });
    v4.version(3).stores({ votes: 'id, proposalId, status, account, updatedAt' });
    v4.version(4).stores({
      claimsCache: '[fileHash+account]',
      claimsFiles: 'url',
      lpEntries: '[account+pair], account',
      transactions: 'id, status, account, [tokenId+subject]',
      income: '[account+tokenId], account',
    });
    await v4.table('transactions').put({ id: 't1', status: 'confirmed', account: HOLDER.toLowerCase(), tokenId: ALEX, subject: 'round-1' });
    v4.close();

    const db = openCompanion(name);
    expect((await db.transactions.get('t1'))?.status).toBe('confirmed');
    expect(await db.unlockSessions.count()).toBe(0);
    await db.unlockSessions.put({
      origin: 'http://localhost:4101',
      gateId: 'monthly-notes',
      tokenId: ALEX,
      address: HOLDER,
      kind: 'post',
      title: 'Notes',
      content: '<p>hi</p>',
      minBalance: '1',
      unlockedAt: 1,
      expiresAt: 2,
    });
    expect(await db.unlockSessions.where('origin').equals('http://localhost:4101').count()).toBe(1);
    await db.sitePrefs.put({ origin: 'http://localhost:4101', companionDismissed: true });
    expect((await db.sitePrefs.get('http://localhost:4101'))?.companionDismissed).toBe(true);
  });
});

describe('migration from version 9', () => {
  test("the one-signer rows of version 7's table move into rows of up to a thousand per proposal, and that table goes", async () => {
    const name = freshName();
    const v9 = new Dexie(name);
    v9.version(7).stores({ voteSigners: 'key, proposalId, seenAt' });
    const old = [
      ...Array.from({ length: 1_001 }, (_, i) => ({ key: `0xp${i}`, proposalId: '0xp', signer: HOLDER, seenAt: 10 + i })),
      { key: '0xq0', proposalId: '0xq', signer: HOLDER, seenAt: 5 },
    ];
    await v9.table('voteSigners').bulkPut(old);
    v9.close();

    const db = openCompanion(name);
    await db.open();
    expect(db.tables.map((t) => t.name)).not.toContain('voteSigners');
    const rows = await db.voteSignerBatches.orderBy('id').toArray();
    expect(rows.map((r) => [r.proposalId, r.keys.length, r.seenAt])).toEqual([
      ['0xq', 1, 5],
      ['0xp', 1_000, 1_009],
      ['0xp', 1, 1_010],
    ]);
    expect(rows.flatMap((r) => r.keys).sort()).toEqual(old.map((r) => r.key).sort());
    expect(rows.every((r) => r.signers.length === r.keys.length && r.signers.every((s) => s === HOLDER))).toBe(true);
  });
});

describe('migration from version 5', () => {
  test('every earlier table and its rows are kept; the tally signers table starts empty', async () => {
    const name = freshName();
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
    await v5.table('votes').put({ id: 'v1', proposalId: '0xp', status: 'submitted', account: HOLDER.toLowerCase(), updatedAt: 1 });
    await v5.table('sitePrefs').put({ origin: 'http://localhost:4101', companionDismissed: true });
    v5.close();

    const db = openCompanion(name);
    expect((await db.votes.get('v1'))?.status).toBe('submitted');
    expect((await db.sitePrefs.get('http://localhost:4101'))?.companionDismissed).toBe(true);
    expect(await db.voteSignerBatches.count()).toBe(0);
    await db.voteSignerBatches.bulkAdd([
      { proposalId: '0xp', keys: ['0xaa0xsig1'], signers: [HOLDER], seenAt: 2 },
      { proposalId: '0xq', keys: ['0xbb0xsig2'], signers: [HOLDER], seenAt: 1 },
    ]);
    expect((await db.voteSignerBatches.where('proposalId').equals('0xp').toArray()).map((r) => r.keys)).toEqual([['0xaa0xsig1']]);
    expect((await db.voteSignerBatches.orderBy('seenAt').first())?.keys).toEqual(['0xbb0xsig2']);
  });
});

describe('repositories', () => {
  test('following again keeps the first follow date; unfollow removes', async () => {
    const db = openCompanion();
    await follow(db, alexFollow);
    await follow(db, { ...alexFollow, followedAt: 9_999, confirmation: 'declared' });
    expect(await listFollows(db)).toEqual([{ ...alexFollow, confirmation: 'declared' }]);
    await unfollow(db, ALEX);
    expect(await listFollows(db)).toEqual([]);
  });

  test('fresh readings keep the looked-at base until the holder looks again', async () => {
    const db = openCompanion();
    await saveLatest(db, HOLDER, [{ tokenId: ALEX, chainId: 31337, values: values('100', '1') }]);
    expect((await holdingsOf(db, HOLDER))[0]!.looked).toBeNull();
    await markLooked(db, HOLDER);
    await saveLatest(db, HOLDER, [{ tokenId: ALEX, chainId: 31337, values: values('150', '2') }]);
    const [row] = await holdingsOf(db, lowerAddress(HOLDER));
    expect(row!.looked!.balance).toBe('100');
    expect(row!.latest.balance).toBe('150');
  });

  test('settings default, persist, and clear with everything else', async () => {
    const db = openCompanion();
    expect(await readSettings(db)).toEqual({
      watchAddress: null,
      wallet: null,
      rpcUrls: {},
      disabledChains: [],
      minPoolDepthUsd: 5_000,
      currency: 'USD',
      alerts: DEFAULT_ALERT_PREFS,
      openIn: 'popup',
    });
    await writeSetting(db, 'rpcUrls', { '31337': ['http://127.0.0.1:9999'] });
    await follow(db, alexFollow);
    expect((await readSettings(db)).rpcUrls).toEqual({ '31337': ['http://127.0.0.1:9999'] });
    await clearAllData(db);
    expect(await readSettings(db)).toEqual({
      watchAddress: null,
      wallet: null,
      rpcUrls: {},
      disabledChains: [],
      minPoolDepthUsd: 5_000,
      currency: 'USD',
      alerts: DEFAULT_ALERT_PREFS,
      openIn: 'popup',
    });
    expect(await db.follows.count()).toBe(0);
  });
});

describe('votes', () => {
  const vote = (over: Partial<import('./rows').VoteRow> = {}): import('./rows').VoteRow => ({
    id: 'v1',
    tokenId: ALEX,
    hub: 'http://localhost:4101/hub',
    space: 'alex.eth',
    proposalId: '0xp',
    proposalTitle: 'Next?',
    account: lowerAddress(HOLDER),
    choice: 1,
    choiceLabel: 'Rust',
    typedData: buildVoteTypedData({
      from: HOLDER,
      space: 'alex.eth',
      proposal: '0xp',
      type: 'single-choice',
      choice: 1,
      timestamp: 1,
      app: 'test',
    }),
    signature: null,
    receipt: null,
    status: 'awaiting-signature',
    error: null,
    createdAt: 1,
    updatedAt: 1,
    ...over,
  });

  test('a vote is taken for submission once, and again only when the first attempt went stale', async () => {
    const { claimForSubmission, saveVote, updateVote } = await import('../votes/votesRepository');
    const db = openCompanion();
    await saveVote(db, vote());
    expect(await claimForSubmission(db, 'v1', 60_000, 100)).toBeNull(); // not signed yet
    await updateVote(db, 'v1', { status: 'signed', signature: '0xsig' }, 100);
    expect((await claimForSubmission(db, 'v1', 60_000, 200))?.status).toBe('submitting');
    expect(await claimForSubmission(db, 'v1', 60_000, 300)).toBeNull(); // someone is on it
    expect((await claimForSubmission(db, 'v1', 60_000, 70_000))?.status).toBe('submitting'); // that run died
  });

  test('history is per account, newest first', async () => {
    const { saveVote, voteHistory } = await import('../votes/votesRepository');
    const db = openCompanion();
    await saveVote(db, vote({ id: 'a', createdAt: 1 }));
    await saveVote(db, vote({ id: 'b', createdAt: 2 }));
    await saveVote(db, vote({ id: 'c', account: '0xother' }));
    expect((await voteHistory(db, HOLDER)).map((v) => v.id)).toEqual(['b', 'a']);
  });
});
