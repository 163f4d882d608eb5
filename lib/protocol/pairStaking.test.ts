import { expect, test } from 'vitest';
import { stakingDeclarations, stakingOfPair } from './pairStaking';
import { PAIR } from './testManifests';

type Hex = `0x${string}`;
const PAIR_ = PAIR as Hex;
const STAKING: Hex = '0x8F6D06a17E13511155FfA96004c22aFAE6A03438';
const OTHER_PAIR: Hex = '0x09c19789D06fa5Ffe4f079535bC0e65be60043AB';
const lower = (a: Hex) => a.toLowerCase() as Hex;
const reward = (address: Hex, pair: Hex = PAIR_) => ({ kind: 'staking-rewards' as const, id: 's', title: 'Stake', address, pair });

test('a pair’s StakingRewards comes from pairs[].staking or from a staking-rewards reward, whichever declares it', () => {
  expect(stakingOfPair({ pairs: [{ protocol: 'uniswap-v2', address: PAIR_, staking: STAKING }], rewards: [] }, PAIR)).toBe(STAKING);
  expect(stakingOfPair({ pairs: [{ protocol: 'uniswap-v2', address: PAIR_ }], rewards: [reward(STAKING, lower(PAIR_))] }, PAIR)).toBe(
    STAKING,
  );
  expect(stakingOfPair({ pairs: [{ protocol: 'uniswap-v2', address: PAIR_ }], rewards: [reward(STAKING)] }, lower(PAIR_))).toBe(STAKING);
  // Linked to another pair, or to a pair the manifest does not list: not this pair's.
  const other = {
    pairs: [
      { protocol: 'uniswap-v2' as const, address: PAIR_ },
      { protocol: 'uniswap-v2' as const, address: OTHER_PAIR },
    ],
    rewards: [reward(STAKING, OTHER_PAIR)],
  };
  expect(stakingOfPair(other, PAIR)).toBeUndefined();
  expect(stakingOfPair(other, OTHER_PAIR)).toBe(STAKING);
  expect(stakingDeclarations({ pairs: [{ protocol: 'uniswap-v2', address: PAIR_ }], rewards: [reward(STAKING, OTHER_PAIR)] })).toEqual([]);
  // Snapshot programs are not staking contracts.
  expect(
    stakingOfPair(
      {
        pairs: [{ protocol: 'uniswap-v2', address: PAIR_ }],
        rewards: [{ kind: 'snapshot', id: 'p', title: 'P', pair: PAIR_, amount: '1', startBlock: 1, endBlock: 2 }],
      },
      PAIR,
    ),
  ).toBeUndefined();
});

test('both declarations of the same contract are listed with where they are, for the validator', () => {
  expect(
    stakingDeclarations({ pairs: [{ protocol: 'uniswap-v2', address: PAIR_, staking: STAKING }], rewards: [reward(lower(STAKING))] }),
  ).toEqual([
    { pair: PAIR_, address: STAKING, path: 'pairs[0].staking' },
    { pair: PAIR_, address: lower(STAKING), path: 'rewards[0].address' },
  ]);
});
