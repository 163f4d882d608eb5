import { describe, expect, test } from 'vitest';
import type { VoteRow } from '../../db/rows';
import { buildVoteTypedData } from './buildVoteTypedData';
import { reasonOf, startingDraft, votesToShow } from './voteDraft';

let n = 0;
function row(
  status: VoteRow['status'],
  choice: VoteRow['choice'],
  reason = '',
  typedData: VoteRow['typedData'] | null = typed(reason),
): VoteRow {
  n += 1;
  return {
    id: `vote-${n}`,
    tokenId: 't',
    hub: 'h',
    space: 's',
    proposalId: 'p',
    proposalTitle: 'P',
    account: '0x000000000000000000000000000000000000000a',
    choice,
    choiceLabel: String(choice),
    // A row written before reasons were signed may have no typed data: reasonOf must cope.
    typedData: typedData as VoteRow['typedData'],
    signature: null,
    receipt: null,
    status,
    error: null,
    createdAt: n,
    updatedAt: n,
  };
}

function typed(reason: string): VoteRow['typedData'] {
  return buildVoteTypedData({
    from: '0x000000000000000000000000000000000000000A',
    space: 's',
    proposal: 'p',
    type: 'single-choice',
    choice: 1,
    timestamp: 1,
    reason,
  });
}

describe('the votes a card shows', () => {
  test('a cancelled attempt after a recorded vote leaves the recorded vote shown', () => {
    const recorded = row('submitted', 1);
    const cancelled = row('cancelled', 2);
    expect(votesToShow([cancelled, recorded])).toEqual({ recorded, attempt: cancelled });
  });

  test('the newest recorded vote is the one that counts; older attempts are not shown', () => {
    const old = row('submitted', 1);
    const failed = row('failed', 3);
    const latest = row('submitted', 2);
    expect(votesToShow([latest, failed, old])).toEqual({ recorded: latest, attempt: undefined });
    expect(votesToShow([])).toEqual({ recorded: undefined, attempt: undefined });
    const waiting = row('awaiting-signature', 4);
    expect(votesToShow([waiting])).toEqual({ recorded: undefined, attempt: waiting });
  });
});

describe('where the choice starts', () => {
  test('after a cancel or a refusal: the same choice and reason, ready to sign again', () => {
    expect(startingDraft([row('cancelled', 2, 'Because.'), row('submitted', 1)], 'single-choice', 4)).toEqual({
      choice: 2,
      reason: 'Because.',
    });
    expect(startingDraft([row('failed', [1, 3])], 'approval', 4)).toEqual({ choice: [1, 3], reason: '' });
  });

  test('otherwise the type’s start: nothing, or the ranking as shown', () => {
    expect(startingDraft([row('submitted', 2)], 'single-choice', 4)).toEqual({ choice: null, reason: '' });
    expect(startingDraft([], 'ranked-choice', 3)).toEqual({ choice: [1, 2, 3], reason: '' });
    // A saved choice that no longer fits the proposal is not brought back.
    expect(startingDraft([row('cancelled', 9)], 'single-choice', 4)).toEqual({ choice: null, reason: '' });
  });

  test('the reason is read from the signed message', () => {
    expect(reasonOf(row('submitted', 1, 'I like it.'))).toBe('I like it.');
    expect(reasonOf(row('submitted', 1, '', null))).toBe('');
  });
});
