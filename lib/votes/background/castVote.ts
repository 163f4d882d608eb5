import type { Address, Hex } from 'viem';
import type { CompanionDatabase } from '@/lib/db/database';
import type { VoteRow } from '@/lib/db/rows';
import { lowerAddress } from '@/lib/protocol/address';
import { readSettings } from '@/lib/settings/settingsRepository';
import { saveVote, updateVote, voteHistory } from '@/lib/votes/votesRepository';
import { viemTypedData } from '@/lib/votes/core/buildVoteTypedData';
import { isReadyToSign } from '@/lib/votes/core/choices';
import { buildVoteTypedData, MAX_REASON } from '@/lib/votes/core/buildVoteTypedData';
import { VotesError } from '@/lib/votes/core/errors';
import { createHubClient } from '@/lib/votes/core/hubClient';
import { WalletError } from '@/lib/wallet/walletError';
import { isShielded, proposalPageUrl } from '@/lib/votes/core/shielded';
import { keepAliveWhile } from '../../wallet/keepAlive';
import type { BackgroundDeps } from '../../app/background/backgroundDeps';
import { UserFacingError } from '../../app/userFacingError';
import { describeChoice } from './describeChoice';
import { submitSignedVote } from './submitSignedVote';
import { voteContext } from './voteContext';

const APP = 'personal-token-companion';

/**
 * Hubs keep a voter's latest vote by timestamp and refuse one that is not later: a change of
 * mind within the same second must still be stamped after the vote it replaces.
 */
async function nextTimestamp(db: CompanionDatabase, proposalId: string, account: Address): Promise<number> {
  const now = Math.floor(Date.now() / 1000);
  const earlier = (await voteHistory(db, account)).filter((v) => v.proposalId === proposalId && v.signature);
  const latest = Math.max(0, ...earlier.map((v) => v.typedData.message.timestamp));
  return Math.max(now, latest + 1);
}

/**
 * One click: the vote is built here (never from the popup's typed data), saved BEFORE the wallet
 * is asked, signed, then submitted once. The popup may close while MetaMask is open; this runs in
 * the background and the saved row tells the reopened popup how it ended.
 */
export async function castVote(
  deps: Pick<BackgroundDeps, 'db' | 'wallet'>,
  tokenId: string,
  proposalId: string,
  choice: unknown,
  reasonText = '',
): Promise<{ voteId: string }> {
  const { db } = deps;
  const wallet = (await readSettings(db)).wallet;
  if (!wallet) throw new UserFacingError('Connect a wallet to vote: a watched address cannot sign.');
  const context = await voteContext(db, tokenId);
  const proposal = await createHubClient(context.hub).proposal(proposalId);
  if (!proposal || proposal.space !== context.space) throw new UserFacingError('This proposal is not in the creator’s space.');
  if (proposal.state !== 'active') throw new UserFacingError('This proposal is not open for votes.');
  if (isShielded(proposal.privacy)) {
    // The hub wants the choice encrypted (Shutter); a plain one would be refused after signing.
    const page = proposalPageUrl(context.hub, context.space, proposal.id);
    throw new UserFacingError(
      `This proposal keeps votes hidden until it ends, which this companion cannot do. Vote on ${page ?? 'the vote hub’s own site'} instead.`,
    );
  }
  if (!proposal.type) throw new UserFacingError(`The companion cannot sign "${proposal.rawType}" votes yet.`);
  if (!isReadyToSign(proposal.type, choice, proposal.choices.length))
    throw new UserFacingError('That choice is not valid for this proposal. Pick at least one choice and sign again.');
  const reason = reasonText.trim();
  if (reason.length > MAX_REASON)
    throw new UserFacingError(`Your reason is longer than ${MAX_REASON.toLocaleString('en-US')} characters. Shorten it and sign again.`);

  const typedData = buildVoteTypedData({
    from: wallet.account,
    space: context.space,
    proposal: proposal.id,
    type: proposal.type,
    choice,
    timestamp: await nextTimestamp(db, proposal.id, wallet.account),
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
    account: lowerAddress(wallet.account),
    choice,
    choiceLabel: describeChoice(proposal.type, proposal.choices, choice),
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
    signature = await keepAliveWhile(
      deps.wallet.signTypedData({ account: wallet.account, typedData: viemTypedData(typedData), allowedPrimaryTypes: ['Vote'] }),
    );
  } catch (error) {
    const cancelled = error instanceof WalletError && error.kind === 'cancelled';
    const message = error instanceof WalletError || error instanceof VotesError ? error.message : 'The wallet could not sign the vote.';
    await updateVote(db, row.id, { status: cancelled ? 'cancelled' : 'failed', error: message });
    if (cancelled) return { voteId: row.id }; // calm: the receipt says it, no error banner
    throw new UserFacingError(message);
  }
  await updateVote(db, row.id, { status: 'signed', signature });
  await submitSignedVote(deps, row.id);
  return { voteId: row.id };
}
