import { getContractAddress, type Address } from 'viem';
import { DEVNET_A } from '../../lib/chain/devnet';
import type { ClaimsFile } from '../../lib/income/core/claimsFile';
import { ANVIL_ACCOUNTS } from './accounts';
import { buildClaimsFile } from './claimsTree';
import { DEVNET_NEXT_NONCE } from './plan';

// Alex's income and liquidity programs on chain A (ALEX), deployed right after the common steps
// by the same deployer, so every address follows from a nonce. Append only, like plan.ts.

const UNIT = 10n ** 18n;
const [holder1, holder2, , holder4] = [
  ANVIL_ACCOUNTS[1].address,
  ANVIL_ACCOUNTS[2].address,
  ANVIL_ACCOUNTS[3].address,
  ANVIL_ACCOUNTS[4].address,
];

/** Chain A deployer's steps after DEVNET_NEXT_NONCE (14); entry i is sent with nonce 14 + i. */
export const DEVNET_INCOME_STEPS = [
  'deploy Partner Token PRTNR (TestERC20)', // 14
  'deploy MerkleDistributor "Income share Q1 2021" (ALEX)', // 15
  'deploy MerkleDistributor "Income share Q2 2021" (ALEX)', // 16
  'deploy MerkleDistributor "Partner drop" (PRTNR)', // 17
  'ALEX.transfer(Q1 distributor, tokenTotal)', // 18
  'ALEX.transfer(Q2 distributor, tokenTotal)', // 19
  'PRTNR.transfer(partner distributor, tokenTotal)', // 20
  'deploy StakingRewards(deployer, ALEX, ALEX/WETH LP)', // 21
  'ALEX.transfer(StakingRewards, reward)', // 22
  'StakingRewards.notifyRewardAmount(reward)', // 23
  'ALEX/WETH LP.approve(StakingRewards, 150 LP)', // 24
  'StakingRewards.stake(150 LP): Alex stakes; the snapshot program starts at this block', // 25
  'ALEX/WETH LP.transfer(holder1, 50 LP): the LP holder 1 then stakes', // 26
] as const;

/** Holder 1's own transactions on chain A (nonces 0..3), sent after the deployer's. */
export const DEVNET_HOLDER1_INCOME_STEPS = [
  'Q2 distributor.claim(holder1): Q2 already claimed',
  'ALEX.transfer(deployer, Q2 amount): spent it, so wallet ALEX stays as DEVNET_HOLDERS says',
  'ALEX/WETH LP.approve(StakingRewards, 50 LP)',
  'StakingRewards.stake(50 LP): the snapshot program ends at this block',
] as const;

/** The chain A deployer's nonce once everything here is sent: the next append goes here. */
export const DEVNET_A_NEXT_NONCE = DEVNET_NEXT_NONCE + DEVNET_INCOME_STEPS.length;

const at = (step: number) => getContractAddress({ from: DEVNET_A.deployer, nonce: BigInt(DEVNET_NEXT_NONCE + step) });

function round(id: string, title: string, date: string, step: number, balances: Record<Address, bigint>) {
  const claimsFile: ClaimsFile = buildClaimsFile(balances);
  return { id, title, date, distributor: at(step), balances, claimsFile, tokenTotal: BigInt(claimsFile.tokenTotal) };
}

/** Everything chain A gains for journeys 3 and 4; amounts in base units (18 decimals). */
export const DEVNET_INCOME = {
  partnerToken: { address: at(0), name: 'Partner Token', symbol: 'PRTNR', supply: 1_000_000n * UNIT },
  rounds: {
    q1: round('2021-q1', 'Income share Q1 2021', '2021-04-01', 1, {
      [holder1]: 1_250n * UNIT,
      [holder2]: 25_000n * UNIT,
      [holder4]: 100n * UNIT,
    }),
    q2: round('2021-q2', 'Income share Q2 2021', '2021-07-01', 2, {
      [holder1]: 1_500n * UNIT,
      [holder2]: 30_000n * UNIT,
      [holder4]: 120n * UNIT,
    }),
    partner: round('partner-2021-05', 'Partner drop: PRTNR', '2021-05-15', 3, { [holder1]: 500n * UNIT, [holder2]: 5_000n * UNIT }),
  },
  staking: {
    id: 'alex-weth-staking',
    title: 'ALEX/WETH staking',
    address: at(7),
    /** Notified once; paid out over the contract's rewardsDuration (60 days in this build). */
    reward: 60_000n * UNIT,
    staked: { deployer: 150n * UNIT, holder1: 50n * UNIT },
  },
  snapshotProgram: {
    id: 'liquidity-mining-1',
    title: 'Liquidity mining, month 1',
    amount: 100_000n * UNIT,
    /** Holder 1 has 100 LP (wallet) at the start, 150 (100 wallet + 50 staked) at the end. */
    startBlock: DEVNET_NEXT_NONCE + 12, // the block of nonce 25 (block n + 1 holds nonce n)
    endBlock: DEVNET_NEXT_NONCE + DEVNET_INCOME_STEPS.length + DEVNET_HOLDER1_INCOME_STEPS.length,
  },
} as const;

export type DevnetIncomeRound = (typeof DEVNET_INCOME.rounds)[keyof typeof DEVNET_INCOME.rounds];

/** The deployer's next nonce on a devnet chain after startDevnet: chain A has the income steps too. */
export function devnetDeployerNextNonce(chainId: number): number {
  return chainId === DEVNET_A.chainId ? DEVNET_A_NEXT_NONCE : DEVNET_NEXT_NONCE;
}
