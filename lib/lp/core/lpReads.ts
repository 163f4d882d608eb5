import { getAddress, isAddressEqual, zeroAddress, type Address } from 'viem';
import { uniswapV2PairAbi } from '../../chain/abis';
import { sortTokens } from '../../chain/pairAddress';
import { outcomeValue, type ContractRead, type ReadOutcome, type ReadPlan } from '../../chain/readPlan';
import { stakingRewardsAbi, uniswapV2FeeAbi } from './abis';

export interface LpPairInput {
  pair: Address;
  /** The creator token; the other side is `quote` (WETH for the pairs the manifest lists). */
  token: Address;
  quote: Address;
  /** The chain's Uniswap V2 factory: its feeTo says whether burn mints the protocol fee first. */
  factory: Address;
  /** The manifest's StakingRewards for this LP token, if any. */
  staking?: Address;
}

export interface StakingReading {
  address: Address;
  staked: bigint;
  earned: bigint;
  rewardRate: bigint;
  periodFinish: bigint;
  totalStaked: bigint;
  rewardPerTokenStored: bigint;
  lastUpdateTime: bigint;
  userRewardPerTokenPaid: bigint;
  rewards: bigint;
  /** Checked against the pair: a manifest could name a staking contract for another LP token. */
  stakingToken: Address;
  rewardsToken: Address;
}

export interface LpReading {
  pair: Address;
  /** Reserves oriented to the creator token and the quote token (not token0/token1). */
  tokenReserve: bigint;
  quoteReserve: bigint;
  lpSupply: bigint;
  lpInWallet: bigint;
  /** The pair's kLast: √k at the last mint or burn while the protocol fee was on (0 otherwise). */
  kLast: bigint;
  /** Whether burn would mint the protocol fee first (the pair's factory has feeTo set). */
  protocolFeeOn: boolean;
  /** Null when the pair has no staking contract or it could not be read. */
  staking: StakingReading | null;
}

const STAKING_READS = [
  'balanceOf',
  'earned',
  'rewardRate',
  'periodFinish',
  'totalSupply',
  'rewardPerTokenStored',
  'lastUpdateTime',
  'userRewardPerTokenPaid',
  'rewards',
  'stakingToken',
  'rewardsToken',
] as const;
const WITH_ACCOUNT = new Set(['balanceOf', 'earned', 'userRewardPerTokenPaid', 'rewards']);

/**
 * Reserves, supply, the holder's LP, the protocol-fee switch and, when staked, every
 * StakingRewards figure: reads for the refresh's one multicall. Decodes to one entry per input
 * pair, in order; null where the pair could not be read.
 */
export function planLpReads(pairs: readonly LpPairInput[], account: Address): ReadPlan<(LpReading | null)[]> {
  const reads: ContractRead[] = [];
  for (const p of pairs) {
    const pair = getAddress(p.pair);
    reads.push(
      { address: pair, abi: uniswapV2PairAbi, functionName: 'getReserves' },
      { address: pair, abi: uniswapV2PairAbi, functionName: 'totalSupply' },
      { address: pair, abi: uniswapV2PairAbi, functionName: 'balanceOf', args: [account] },
      { address: pair, abi: uniswapV2FeeAbi, functionName: 'kLast' },
      { address: pair, abi: uniswapV2FeeAbi, functionName: 'factory' },
      { address: getAddress(p.factory), abi: uniswapV2FeeAbi, functionName: 'feeTo' },
    );
    if (p.staking) {
      const address = getAddress(p.staking);
      for (const functionName of STAKING_READS)
        reads.push({ address, abi: stakingRewardsAbi, functionName, ...(WITH_ACCOUNT.has(functionName) ? { args: [account] } : {}) });
    }
  }
  return { reads, decode: (outcomes) => decodeLpReads(pairs, outcomes) };
}

function decodeLpReads(pairs: readonly LpPairInput[], outcomes: readonly ReadOutcome[]): (LpReading | null)[] {
  let at = 0;
  const next = <T>() => outcomeValue<T>(outcomes[at++]);
  return pairs.map((p): LpReading | null => {
    const reserves = next<readonly [bigint, bigint, number]>();
    const lpSupply = next<bigint>();
    const lpInWallet = next<bigint>();
    const kLast = next<bigint>() ?? 0n;
    const pairFactory = next<Address>();
    const feeTo = next<Address>();
    let staking: StakingReading | null = null;
    if (p.staking) {
      const v = STAKING_READS.map(() => next<bigint | Address>());
      if (v.every((x) => x !== null)) {
        const [
          staked,
          earned,
          rewardRate,
          periodFinish,
          totalStaked,
          rewardPerTokenStored,
          lastUpdateTime,
          userRewardPerTokenPaid,
          rewards,
        ] = v as bigint[];
        const [stakingToken, rewardsToken] = v.slice(9) as Address[];
        staking = {
          address: getAddress(p.staking),
          staked: staked!,
          earned: earned!,
          rewardRate: rewardRate!,
          periodFinish: periodFinish!,
          totalStaked: totalStaked!,
          rewardPerTokenStored: rewardPerTokenStored!,
          lastUpdateTime: lastUpdateTime!,
          userRewardPerTokenPaid: userRewardPerTokenPaid!,
          rewards: rewards!,
          stakingToken: stakingToken!,
          rewardsToken: rewardsToken!,
        };
        // A staking contract for some other token is not this pair's: show no staked LP at all.
        if (!isAddressEqual(staking.stakingToken, p.pair)) staking = null;
      }
    }
    if (!reserves || lpSupply === null || lpInWallet === null) return null;
    const tokenIs0 = isAddressEqual(sortTokens(p.token, p.quote)[0], p.token);
    // A pair of another factory (a fork listed by the manifest): its feeTo is not the one read, but
    // kLast is only left non-zero by a mint or burn with the fee on, so it stands in for the switch.
    const ownFactory = pairFactory !== null && isAddressEqual(pairFactory, p.factory);
    const protocolFeeOn = ownFactory && feeTo !== null ? !isAddressEqual(feeTo, zeroAddress) : kLast !== 0n;
    return {
      pair: getAddress(p.pair),
      tokenReserve: tokenIs0 ? reserves[0] : reserves[1],
      quoteReserve: tokenIs0 ? reserves[1] : reserves[0],
      lpSupply,
      lpInWallet,
      kLast,
      protocolFeeOn,
      staking,
    };
  });
}
