import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CompanionDatabase } from '@/lib/db/database';
import type { VoteRow } from '@/lib/db/rows';
import { buildVoteTypedData } from '@/lib/votes/core/buildVoteTypedData';
import { saveVote } from '@/lib/votes/votesRepository';
import { hasUnfinishedWork } from './unfinishedWork';
import { wakeChoresDoneItem } from './wakeState';
import { watchWrites } from './watchWrites';

let db: CompanionDatabase;
let stop: () => void;
beforeEach(() => {
  fakeBrowser.reset();
  db = new CompanionDatabase(`watch-${Math.random()}`);
  stop = watchWrites(db.name);
});
afterEach(async () => {
  stop();
  await db.delete();
});

test('a vote written to IndexedDB makes the next start run its chores; unrelated tables do not', async () => {
  // Creating or upgrading the database counts as a write to every table (Dexie): opened first.
  await db.open();
  await new Promise((resolve) => setTimeout(resolve, 50));
  await wakeChoresDoneItem.setValue(true);
  await db.settings.put({ key: 'currency', value: 'ETH' });
  await db.sitePrefs.put({ origin: 'https://alex.example', companionDismissed: true });
  await new Promise((resolve) => setTimeout(resolve, 50));
  expect(await wakeChoresDoneItem.getValue()).toBe(true);

  const signed: VoteRow = {
    id: 'vote-1',
    tokenId: 'eip155:1/erc20:0x0000000000000000000000000000000000000001',
    hub: 'https://hub.example',
    space: 'alex.eth',
    proposalId: '0xp',
    proposalTitle: 'P',
    account: '0x0000000000000000000000000000000000000002',
    choice: 1,
    choiceLabel: 'Yes',
    typedData: buildVoteTypedData({
      from: '0x0000000000000000000000000000000000000002',
      space: 'alex.eth',
      proposal: '0xp',
      type: 'single-choice',
      choice: 1,
      timestamp: 1,
      reason: '',
    }),
    signature: '0x01',
    receipt: null,
    status: 'signed',
    error: null,
    createdAt: 1,
    updatedAt: 1,
  };
  await saveVote(db, signed);
  await vi.waitFor(async () => expect(await wakeChoresDoneItem.getValue()).toBe(false));
  expect(await hasUnfinishedWork(db, Date.now())).toBe(true);
});

test('nothing mid-way: no unfinished work', async () => {
  expect(await hasUnfinishedWork(db, Date.now())).toBe(false);
});
