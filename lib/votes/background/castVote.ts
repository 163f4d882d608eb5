import type { Address, Hex } from 'viem';
import { database } from '@/lib/db/database';
import type { VoteRow } from '@/lib/db/rows';
import { readSettings } from '@/lib/settings/settingsRepository';
import { saveVote, updateVote, voteHistory } from '@/lib/votes/votesRepository';
import { isReadyToSign, type VoteChoice } from '@/lib/votes/core/choices';
import { buildVoteTypedData, MAX_REASON, type VoteTypedData } from '@/lib/votes/core/buildVoteTypedData';
import { VotesError } from '@/lib/votes/core/errors';
import { createHubClient } from '@/lib/votes/core/hubClient';
import { isShielded, proposalPageUrl } from '@/lib/votes/core/shielded';
import { signTypedData, WalletError, type TypedDataToSign } from '@/lib/wallet';
import { keepAliveWhile } from '../../wallet/keepAlive';
import { UserFacingError } from '../../app/userFacingError';
import { describeChoice } from './describeChoice';
import { submitSignedVote } from './submitSignedVote';
import { voteContext } from './voteContext';

const APP = 'personal-token-companion';

/**
 * Hubs keep a voter's latest vote by timestamp and refuse one that is not later: a change of
 * mind within the same second must still be stamped after the vote it replaces.
 */
async function nextTimestamp(proposalId: string, account: string): Promise<number> {
  const now = Math.floor(Date.now() / 1000);
  const earlier = (await voteHistory(database(), account)).filter((v) => v.proposalId === proposalId && v.signature);
  const latest = Math.max(0, ...earlier.map((v) => (v.typedData as VoteTypedData).message.timestamp));
  return Math.max(now, latest + 1);
}

/**
 * One click: the vote is built here (never from the popup's typed data), saved BEFORE the wallet
 * is asked, signed, then submitted once. The popup may close while MetaMask is open; this runs in
 * the background and the saved row tells the reopened popup how it ended.
 */
export async function castVote(tokenId: string, proposalId: string, choice: unknown, reasonText = ''): Promise<{ voteId: string }> {
  const db = database();
  const wallet = (await readSettings(db)).wallet;
  if (!wallet) throw new UserFacingError('Connect a wallet to vote: a watched address cannot sign.');
  const context = await voteContext(tokenId);
  const proposal = await createHubClient(context.hub).proposal(proposalId);
  if (!proposal || proposal.space !== context.space) throw new UserFacingError('This proposal is not in the creator’s space.');
  if (proposal.state !== 'active') throw new UserFacingError('This proposal is not open for votes.');
  if (isShielded(proposal.privacy)) {
    // The hub wants the choice encrypted (Shutter); a plain one would be refused after signing.
    const page = proposalPageUrl(context.hub, context.space, proposal.id);
    throw new UserFacingError(`This proposal keeps votes hidden until it ends, which this companion cannot do. Vote on ${page ?? 'the vote hub’s own site'} instead.`);
  }
  if (!proposal.type) throw new UserFacingError(`The companion cannot sign "${proposal.rawType}" votes yet.`);
  if (!isReadyToSign(proposal.type, choice, proposal.choices.length)) throw new UserFacingError('That choice is not valid for this proposal. Pick at least one choice and sign again.');
  const reason = reasonText.trim();
  if (reason.length > MAX_REASON) throw new UserFacingError(`Your reason is longer than ${MAX_REASON.toLocaleString('en-US')} characters. Shorten it and sign again.`);

  const typedData = buildVoteTypedData({
    from: wallet.account as Address,
    space: context.space,
    proposal: proposal.id,
    type: proposal.type,
    choice: choice as VoteChoice,
    timestamp: await nextTimestamp(proposal.id, wallet.account),
    reason,
    app: APP,
  });
  const now = Date.now();
  const row: VoteRow = {
    id: crypto.randomUUID(),
    tokenId,
    hub: context.hub,
    space: context.space,
    proposalId: proposal.id,
    proposalTitle: proposal.title.slice(0, 200),
    account: wallet.account.toLowerCase(),
    choice,
    choiceLabel: describeChoice(proposal.type, proposal.choices, choice as VoteChoice),
    typedData,
    signature: null,
    receipt: null,
    status: 'awaiting-signature',
    error: null,
    createdAt: now,
    updatedAt: now,
  };
  await saveVote(db, row);

  let signature: Hex;
  try {
    signature = await keepAliveWhile(signTypedData({ account: wallet.account as Address, typedData: typedData as unknown as TypedDataToSign, allowedPrimaryTypes: ['Vote'] }));
  } catch (error) {
    const cancelled = error instanceof WalletError && error.kind === 'cancelled';
    const message = error instanceof WalletError || error instanceof VotesError ? error.message : 'The wallet could not sign the vote.';
    await updateVote(db, row.id, { status: cancelled ? 'cancelled' : 'failed', error: message });
    if (cancelled) return { voteId: row.id }; // calm: the receipt says it, no error banner
    throw new UserFacingError(message);
  }
  await updateVote(db, row.id, { status: 'signed', signature });
  await submitSignedVote(row.id);
  return { voteId: row.id };
}
