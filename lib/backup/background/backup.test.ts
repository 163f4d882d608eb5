import { afterEach, describe, expect, test } from 'vitest';
import { z } from 'zod';
import type { Address } from 'viem';
import { CompanionDatabase } from '@/lib/db/database';
import type { FollowRow, RedemptionRow, TransactionRow, VoteRow } from '@/lib/db/rows';
import { manifestSchema } from '@/lib/protocol/manifestSchema';
import { fullManifest, ALEX_TOKEN } from '@/lib/protocol/testManifests';
import { buildVoteTypedData } from '@/lib/votes/core/buildVoteTypedData';
import { readSettings, writeSetting } from '@/lib/settings/settingsRepository';
import { BACKUP_FORMAT, BackupFileError, MAX_BACKUP_BYTES, parseBackupText } from '../core/backupFile';
import { BACKUP_SECTIONS, defineSection } from '../core/sections';
import { exportBackup, importBackup } from './backup';

// Export and import against fake IndexedDB: the file's shape, the merge rule (nothing here is
// lost), and refusal (a bad file, or a failure midway, changes nothing).

const MIKE_TOKEN = 'eip155:31338/erc20:0x5FbDB2315678afecb367f032d93F642f64180aa3';
const HOLDER: Address = '0x70997970c51812dc3a010c7d01b50e0d17dc79c8';
let opened: CompanionDatabase[] = [];
let counter = 0;
function openDb(): CompanionDatabase {
  const db = new CompanionDatabase(`backup-test-${Date.now()}-${counter++}`);
  opened.push(db);
  return db;
}
afterEach(async () => {
  await Promise.all(opened.map((db) => db.delete()));
  opened = [];
});

function followRow(tokenId: string, over: Partial<FollowRow> = {}): FollowRow {
  const address = tokenId.split(':').at(-1);
  if (!address?.startsWith('0x')) throw new Error(tokenId);
  return {
    tokenId,
    chainId: Number(tokenId.split(':')[1]?.split('/')[0]),
    address: address as Address,
    symbol: 'ALEX',
    name: 'Alex',
    creatorName: 'Alex Masmej',
    siteOrigin: 'http://localhost:4101',
    confirmation: 'confirmed',
    manifest: null,
    followedAt: 1_700_000_000_000,
    ...over,
  };
}

function voteRow(id: string, status: VoteRow['status']): VoteRow {
  const typedData = buildVoteTypedData({
    from: HOLDER,
    space: 'alex.eth',
    proposal: '0x' + '1'.repeat(64),
    type: 'single-choice',
    choice: 1,
    timestamp: 1_700_000_000,
  });
  return {
    id,
    tokenId: ALEX_TOKEN,
    hub: 'http://localhost:4101/hub',
    space: 'alex.eth',
    proposalId: '0x' + '1'.repeat(64),
    proposalTitle: 'Next video',
    account: HOLDER,
    choice: 1,
    choiceLabel: 'Rust',
    typedData,
    signature: `0x${'ab'.repeat(65)}`,
    receipt: status === 'submitted' ? 'receipt-1' : null,
    status,
    error: null,
    createdAt: 1,
    updatedAt: 2,
  };
}

function transactionRow(id: string, status: TransactionRow['status']): TransactionRow {
  return {
    id,
    kind: 'claim',
    tokenId: ALEX_TOKEN,
    chainId: 31337,
    subject: '2021-q1',
    label: 'Claim Q1',
    account: HOLDER,
    to: '0x5FbDB2315678afecb367f032d93F642f64180aa3',
    data: '0x1234',
    hash: status === 'confirmed' ? `0x${'cd'.repeat(32)}` : null,
    nonce: 3,
    status,
    error: null,
    createdAt: 1,
    updatedAt: 2,
  };
}

async function seed(db: CompanionDatabase) {
  await db.follows.bulkPut([
    followRow(ALEX_TOKEN, { manifest: manifestSchema.parse(fullManifest()) }),
    followRow(MIKE_TOKEN, { symbol: 'MIKE' }),
  ]);
  await db.tokenLists.put({
    url: 'https://lists.example/creators.json',
    enabled: true,
    addedAt: 5,
    list: { name: 'Creators', timestamp: '2026-01-01T00:00:00Z', version: { major: 1, minor: 0, patch: 0 }, tokens: [] },
    fetchedAt: 5,
    lastAttemptAt: 5,
    error: null,
  });
  await writeSetting(db, 'currency', 'ETH');
  await writeSetting(db, 'minPoolDepthUsd', 10_000);
  await writeSetting(db, 'wallet', { account: HOLDER, chainId: 31337 });
  await db.sitePrefs.put({ origin: 'http://localhost:4101', companionDismissed: true, walletRdns: 'io.metamask' });
  await db.votes.bulkPut([voteRow('v1', 'submitted'), voteRow('v2', 'awaiting-signature')]);
  await db.transactions.bulkPut([transactionRow('t1', 'confirmed'), transactionRow('t2', 'pending')]);
  await db.alertsSeen.put({ key: `new-round|${ALEX_TOKEN}|2021-q1`, notifiedAt: 9 });
  await db.redemptions.bulkPut([redemptionRow('r1', 'booked'), redemptionRow('r2', 'paying')]);
}

function redemptionRow(id: string, status: RedemptionRow['status']): RedemptionRow {
  return {
    id,
    tokenId: ALEX_TOKEN,
    chainId: 31337,
    origin: 'http://localhost:4101',
    offerId: 'hour',
    offerTitle: "An hour of Alex's time",
    price: '25000000000000000000000',
    recipient: HOLDER,
    endpoint: 'http://localhost:4101/offers',
    symbol: 'ALEX',
    decimals: 18,
    account: HOLDER,
    message: 'localhost:4101 wants you to sign in…',
    signature: '0x1234',
    transactionId: 't1',
    hash: '0xabcd',
    reference: status === 'booked' ? 'HOUR-1' : null,
    status,
    error: null,
    createdAt: 1,
    updatedAt: 2,
  };
}

describe('export', () => {
  test('one versioned JSON file with every section; the connected wallet, unsettled votes and pending transactions stay out', async () => {
    const db = openDb();
    await seed(db);
    const out = await exportBackup(db, new Date('2026-12-01T10:00:00Z'));
    expect(out.fileName).toBe('personal-token-companion-backup-2026-12-01.json');
    const file = JSON.parse(out.text);
    expect(file).toMatchObject({ format: BACKUP_FORMAT, version: 1, exportedAt: '2026-12-01T10:00:00.000Z' });
    expect(file.data.follows.map((f: FollowRow) => f.tokenId)).toEqual([ALEX_TOKEN, MIKE_TOKEN]);
    expect(file.data.follows[0].manifest.creator.name).toBe('Alex Masmej');
    // A list travels as its address and choice, not its (possibly 4 MB) copy.
    expect(file.data.tokenLists).toEqual([{ url: 'https://lists.example/creators.json', enabled: true, addedAt: 5 }]);
    expect(file.data.settings.map((s: { key: string }) => s.key).sort()).toEqual(['currency', 'minPoolDepthUsd']);
    expect(file.data.sitePrefs).toEqual([{ origin: 'http://localhost:4101', companionDismissed: true, walletRdns: 'io.metamask' }]);
    expect(file.data.votes.map((v: VoteRow) => v.id)).toEqual(['v1']);
    expect(file.data.transactions.map((t: TransactionRow) => t.id)).toEqual(['t1']);
    expect(file.data.alertsSeen).toHaveLength(1);
    // A redemption still paying is finished by this browser; a booked one travels with its reference.
    expect(file.data.redemptions.map((r: RedemptionRow) => [r.id, r.reference])).toEqual([['r1', 'HOUR-1']]);
    expect(out.counts.find((c) => c.name === 'follows')?.count).toBe(2);
    // What export writes, import reads back.
    expect(() => parseBackupText(out.text)).not.toThrow();
  });
});

describe('import', () => {
  test('into a fresh profile: the preview counts what will be added and writes nothing; the import adds it all', async () => {
    const source = openDb();
    await seed(source);
    const { text } = await exportBackup(source);
    const target = openDb();

    const preview = await importBackup(target, text, { apply: false });
    const count = (name: string) => preview.sections.find((s) => s.name === name);
    expect(count('follows')).toMatchObject({ added: 2, merged: 0, kept: 0 });
    expect(count('votes')).toMatchObject({ added: 1 });
    expect(count('settings')).toMatchObject({ added: 2 });
    expect(await target.follows.count()).toBe(0);

    const done = await importBackup(target, text, { apply: true });
    expect(done.sections).toEqual(preview.sections);
    expect((await target.follows.toArray()).map((f) => f.tokenId).sort()).toEqual([ALEX_TOKEN, MIKE_TOKEN].sort());
    expect((await readSettings(target)).currency).toBe('ETH');
    expect((await readSettings(target)).wallet).toBeNull();
    expect(await target.tokenLists.get('https://lists.example/creators.json')).toMatchObject({
      enabled: true,
      list: null,
      lastAttemptAt: 0,
    });
    expect((await target.votes.get('v1'))?.receipt).toBe('receipt-1');
    expect((await target.redemptions.get('r1'))?.reference).toBe('HOUR-1');

    // Importing the same file again adds nothing.
    const again = await importBackup(target, text, { apply: false });
    expect(again.sections.every((s) => s.added === 0 && s.merged === 0)).toBe(true);
  });

  test('never loses what is here: rows here win, and only fields they lack are filled from the file', async () => {
    const source = openDb();
    await seed(source);
    const { text } = await exportBackup(source);
    const target = openDb();
    // Here: Alex followed without a manifest and from another site, a different currency, a site choice without a wallet.
    await target.follows.put(followRow(ALEX_TOKEN, { siteOrigin: 'https://alex.example', creatorName: null, followedAt: 42 }));
    await writeSetting(target, 'currency', 'USD');
    await target.sitePrefs.put({ origin: 'http://localhost:4101', companionDismissed: false });
    await target.votes.put({ ...voteRow('v1', 'submitted'), choiceLabel: 'Here' });

    const summary = await importBackup(target, text, { apply: true });
    const alex = await target.follows.get(ALEX_TOKEN);
    expect(alex).toMatchObject({ siteOrigin: 'https://alex.example', followedAt: 42, creatorName: 'Alex Masmej' });
    expect(alex?.manifest?.creator.name).toBe('Alex Masmej');
    expect(summary.sections.find((s) => s.name === 'follows')).toMatchObject({ added: 1, merged: 1, kept: 0 });
    expect((await readSettings(target)).currency).toBe('USD');
    expect((await readSettings(target)).minPoolDepthUsd).toBe(10_000);
    expect(await target.sitePrefs.get('http://localhost:4101')).toEqual({
      origin: 'http://localhost:4101',
      companionDismissed: false,
      walletRdns: 'io.metamask',
    });
    expect((await target.votes.get('v1'))?.choiceLabel).toBe('Here');
    expect(summary.sections.find((s) => s.name === 'votes')).toMatchObject({ added: 0, kept: 1 });
  });

  test('a failure midway writes nothing: one transaction', async () => {
    const source = openDb();
    await seed(source);
    const { text } = await exportBackup(source);
    const target = openDb();
    // A last section that fails after every other section was written.
    const failing = defineSection({
      name: 'failing',
      table: 'chainStatus',
      noun: ['x', 'xs'],
      fileRow: z.object({ id: z.number() }),
      maxRows: 1,
      toRow: (row) => row,
      keyOf: () => {
        throw new Error('disk full');
      },
      merge: 'keep-existing',
    });
    const withFailing = JSON.stringify({ ...JSON.parse(text), data: { ...JSON.parse(text).data, failing: [{ id: 1 }] } });
    await expect(importBackup(target, withFailing, { apply: true }, [...BACKUP_SECTIONS, failing])).rejects.toThrow('disk full');
    expect(await target.follows.count()).toBe(0);
    expect(await target.settings.count()).toBe(0);
  });
});

describe('a bad file is refused with a sentence, and nothing changes', () => {
  const good = () => ({
    format: BACKUP_FORMAT,
    version: 1,
    exportedAt: '2026-12-01T10:00:00.000Z',
    data: { follows: [followRow(ALEX_TOKEN)] },
  });
  const refusal = async (text: string) => {
    const db = openDb();
    const error = await importBackup(db, text, { apply: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackupFileError);
    expect(await db.follows.count()).toBe(0);
    return error instanceof BackupFileError ? error.shortMessage : '';
  };

  test.each([
    ['not JSON', 'hello', 'This file is not a companion backup: it is not JSON. Nothing was changed.'],
    ['another JSON file', JSON.stringify({ name: 'Creators', tokens: [] }), /^This file is not a Personal Token Companion backup/],
    ['a newer version', JSON.stringify({ ...good(), version: 2 }), /made by a newer version of the companion .*update the extension/],
    [
      'a damaged row',
      JSON.stringify({ ...good(), data: { follows: [{ ...followRow(ALEX_TOKEN), tokenId: 'alex' }] } }),
      /^This backup is damaged: follows\[0\]\.tokenId: a CAIP-19 token id\. Nothing was changed\.$/,
    ],
    [
      'a row with extra fields',
      JSON.stringify({ ...good(), data: { sitePrefs: [{ origin: 'https://a.example', companionDismissed: true, x: 1 }] } }),
      /sitePrefs\[0\]/,
    ],
    [
      'a setting of the wrong type',
      JSON.stringify({ ...good(), data: { settings: [{ key: 'currency', value: 'EUR' }] } }),
      /settings\[0\]/,
    ],
    ['a missing date', JSON.stringify({ format: BACKUP_FORMAT, version: 1, data: {} }), /damaged: exportedAt/],
  ])('%s', async (_name, text, expected) => {
    const message = await refusal(text);
    if (typeof expected === 'string') expect(message).toBe(expected);
    else expect(message).toMatch(expected);
  });

  test('a file over 5 MB', async () => {
    const text = JSON.stringify({ ...good(), padding: 'x'.repeat(MAX_BACKUP_BYTES) });
    expect(await refusal(text)).toMatch(/larger than 5 MB/);
  });

  test('a section this version does not know is reported and left alone', async () => {
    const db = openDb();
    const summary = await importBackup(db, JSON.stringify({ ...good(), data: { ...good().data, giftCards: [{ id: 1 }] } }), {
      apply: true,
    });
    expect(summary.unknownSections).toEqual(['giftCards']);
    expect(await db.follows.count()).toBe(1);
  });
});
