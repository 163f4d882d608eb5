import type { Address } from 'viem';
import { DEVNET_A } from '../../lib/chain/devnet';
import type { ClaimsFile } from '../../lib/income/core/claimsFile';
import { DEVNET_INCOME } from './incomePlan';

// What Alex's site says about the income programs DEVNET_INCOME deploys: the manifest's
// distributions and rewards, and the claims files it serves. The demo server uses both.

export const CLAIMS_PATH_PREFIX = '/claims/';
const claimsPath = (id: string) => `${CLAIMS_PATH_PREFIX}${id}.json`;

/** Path → claims file, for Alex's origin. */
export function devnetClaimsFiles(): [path: string, file: ClaimsFile][] {
  return Object.values(DEVNET_INCOME.rounds).map((r) => [claimsPath(r.id), r.claimsFile]);
}

/** Manifest v1 fields for Alex (chain A): the pair with its staking contract, rounds, rewards. */
export function devnetIncomeManifestFields(origin: string, pair: Address) {
  const { rounds, partnerToken, staking, snapshotProgram: program } = DEVNET_INCOME;
  return {
    pairs: [{ protocol: 'uniswap-v2', address: pair, staking: staking.address }],
    distributions: Object.values(rounds).map((r) => ({
      id: r.id,
      title: r.title,
      date: r.date,
      distributor: r.distributor,
      claimsUrl: `${origin}${claimsPath(r.id)}`,
      ...(r === rounds.partner ? { token: `eip155:${DEVNET_A.chainId}/erc20:${partnerToken.address}` } : {}),
    })),
    rewards: [
      { kind: 'staking-rewards', id: staking.id, title: staking.title, address: staking.address, pair },
      {
        kind: 'snapshot',
        id: program.id,
        title: program.title,
        pair,
        amount: program.amount.toString(),
        startBlock: program.startBlock,
        endBlock: program.endBlock,
      },
    ],
  };
}
