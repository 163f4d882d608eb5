import type { Address } from 'viem';
import { chainById } from '@/lib/chain/knownChains';
import { database } from '@/lib/db/database';
import { readSettings } from '@/lib/settings/settingsRepository';
import { buildClaimCall, planDistributionReads, roundState, runReadPlan } from '@/lib/income/core';
import { parseTokenId } from '@/lib/protocol/caip19';
import type { PersonalTokenManifest } from '@/lib/protocol/manifestSchema';
import { clientFor } from '../../chain/chainClients';
import { UserFacingError } from '../../app/userFacingError';
import { holderClaim } from './holderClaim';
import { sendTrackedTransaction } from '../../wallet/sendTrackedTransaction';

/**
 * Claims a round for the connected wallet. Everything is re-derived here: the distributor from
 * the followed creator's manifest, the entry from the claims file, its proof against the root
 * read now, the calldata built by us. A round that is not claimable right now sends nothing.
 */
export async function claimRound(tokenId: string, roundId: string): Promise<{ transactionId: string }> {
  const db = database();
  const manifest = (await db.follows.get(tokenId))?.manifest as PersonalTokenManifest | null | undefined;
  const round = manifest?.distributions.find((r) => r.id === roundId);
  if (!round) throw new UserFacingError('This round is not in the creator’s manifest. Follow the creator and refresh.');
  const settings = await readSettings(db);
  const account = settings.wallet?.account as Address | undefined;
  if (!account) throw new UserFacingError('Connect a wallet to claim: a watched address cannot send transactions.');
  const { chainId, address: creatorToken } = parseTokenId(tokenId);
  const chain = chainById(chainId);
  if (!chain) throw new UserFacingError(`Chain ${chainId} is not supported.`);

  const lookup = await holderClaim(round.claimsUrl, account);
  const reading = await runReadPlan(
    clientFor(chain, settings.rpcUrls[chainId]),
    chain.multicall3,
    planDistributionReads([{ id: round.id, distributor: round.distributor as Address, index: lookup.claim?.index ?? null }], account),
  );
  const state = roundState({ claim: lookup.claim, reading: reading.get(round.id)!, expectedToken: round.token ? parseTokenId(round.token).address : creatorToken });
  if (state.status === 'claimed') throw new UserFacingError('You already claimed this round.');
  if (state.status === 'not-eligible') throw new UserFacingError('Your address is not part of this round.');
  if (state.status !== 'claimable') throw new UserFacingError(state.message);
  const call = buildClaimCall(round.distributor as Address, state.claim);
  return sendTrackedTransaction({ kind: 'claim', tokenId, chainId, subject: round.id, label: `Claim ${round.title}`, ...call });
}
