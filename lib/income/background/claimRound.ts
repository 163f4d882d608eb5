import { chainById } from '@/lib/chain/knownChains';
import { followOf } from '@/lib/holdings/followsRepository';
import { readSettings } from '@/lib/settings/settingsRepository';
import { buildClaimCall, planDistributionReads, roundState, runReadPlan } from '@/lib/income/core';
import { parseTokenId } from '@/lib/protocol/caip19';
import { UserFacingError } from '../../app/userFacingError';
import { holderClaim } from './holderClaim';
import { sendTrackedTransaction, type TransactionDeps } from '../../wallet/sendTrackedTransaction';

/**
 * Claims a round for the connected wallet. Everything is re-derived here: the distributor from
 * the followed creator's manifest, the entry from the claims file, its proof against the root
 * read now, the calldata built by us. A round that is not claimable right now sends nothing.
 */
export async function claimRound(deps: TransactionDeps, tokenId: string, roundId: string): Promise<{ transactionId: string }> {
  const { db } = deps;
  const manifest = (await followOf(db, tokenId))?.manifest;
  const round = manifest?.distributions.find((r) => r.id === roundId);
  if (!round) throw new UserFacingError('This round is not in the creator’s manifest. Follow the creator and refresh.');
  const settings = await readSettings(db);
  const account = settings.wallet?.account;
  if (!account) throw new UserFacingError('Connect a wallet to claim: a watched address cannot send transactions.');
  const { chainId, address: creatorToken } = parseTokenId(tokenId);
  const chain = chainById(chainId);
  if (!chain) throw new UserFacingError(`Chain ${chainId} is not supported.`);

  const lookup = await holderClaim(db, round.claimsUrl, account);
  const reading = await runReadPlan(
    deps.clientFor(chain, settings.rpcUrls[chainId]),
    chain.multicall3,
    planDistributionReads([{ id: round.id, distributor: round.distributor, index: lookup.claim?.index ?? null }], account),
  );
  const read = reading.get(round.id);
  if (!read) throw new UserFacingError('The round could not be read from the chain. Nothing was sent; try again.');
  const state = roundState({
    claim: lookup.claim,
    reading: read,
    expectedToken: round.token ? parseTokenId(round.token).address : creatorToken,
  });
  if (state.status === 'claimed') throw new UserFacingError('You already claimed this round.');
  if (state.status === 'not-eligible') throw new UserFacingError('Your address is not part of this round.');
  if (state.status !== 'claimable') throw new UserFacingError(state.message);
  const call = buildClaimCall(round.distributor, state.claim);
  return sendTrackedTransaction(deps, { kind: 'claim', tokenId, chainId, subject: round.id, label: `Claim ${round.title}`, ...call });
}
