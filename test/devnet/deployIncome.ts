import { encodeDeployData, encodeFunctionData, erc20Abi, getAddress, type Address, type Hex } from 'viem';
import { DEVNET_A } from '../../lib/chain/devnet';
import { merkleDistributorAbi } from '../../lib/income/core/abis';
import { INCOME_BYTECODE, merkleDistributorDeployAbi, stakingRewardsAbi } from './artifacts';
import { devnetClient, sendInOrder, type DevnetTx } from './client';
import { deployTestErc20 } from './deployChain';
import { DEVNET_A_NEXT_NONCE, DEVNET_HOLDER1_INCOME_STEPS, DEVNET_INCOME, DEVNET_INCOME_STEPS, type DevnetIncomeRound } from './incomePlan';
import { DEVNET_HOLDERS, DEVNET_NEXT_NONCE } from './plan';

const call = (
  abi: typeof erc20Abi | typeof stakingRewardsAbi | typeof merkleDistributorAbi,
  functionName: string,
  args: readonly unknown[],
) => encodeFunctionData({ abi, functionName, args } as never) as Hex;
const distributor = (token: Address, r: DevnetIncomeRound) =>
  encodeDeployData({
    abi: merkleDistributorDeployAbi,
    bytecode: INCOME_BYTECODE.merkleDistributor,
    args: [token, r.claimsFile.merkleRoot as Hex],
  });

/** Distributors, staking and the snapshot program's blocks on chain A; right after deployDevnetChain. */
export async function deployDevnetIncome(rpcUrl: string, lpPair: Address): Promise<void> {
  const client = devnetClient(rpcUrl);
  const d = DEVNET_A;
  const { partnerToken: prtnr, rounds, staking } = DEVNET_INCOME;
  const holder1 = DEVNET_HOLDERS.holder1.address;
  const q2Claim = rounds.q2.claimsFile.claims[holder1]!;
  const deployerSteps: Omit<DevnetTx, 'label'>[] = [
    { data: deployTestErc20(prtnr.name, prtnr.symbol, prtnr.supply) },
    { data: distributor(d.creatorToken, rounds.q1) },
    { data: distributor(d.creatorToken, rounds.q2) },
    { data: distributor(prtnr.address, rounds.partner) },
    { to: d.creatorToken, data: call(erc20Abi, 'transfer', [rounds.q1.distributor, rounds.q1.tokenTotal]) },
    { to: d.creatorToken, data: call(erc20Abi, 'transfer', [rounds.q2.distributor, rounds.q2.tokenTotal]) },
    { to: prtnr.address, data: call(erc20Abi, 'transfer', [rounds.partner.distributor, rounds.partner.tokenTotal]) },
    {
      data: encodeDeployData({
        abi: stakingRewardsAbi,
        bytecode: INCOME_BYTECODE.stakingRewards,
        args: [d.deployer, d.creatorToken, lpPair],
      }),
    },
    { to: d.creatorToken, data: call(erc20Abi, 'transfer', [staking.address, staking.reward]) },
    { to: staking.address, data: call(stakingRewardsAbi, 'notifyRewardAmount', [staking.reward]) },
    { to: lpPair, data: call(erc20Abi, 'approve', [staking.address, staking.staked.deployer]) },
    { to: staking.address, data: call(stakingRewardsAbi, 'stake', [staking.staked.deployer]) },
    { to: lpPair, data: call(erc20Abi, 'transfer', [holder1, staking.staked.holder1]) },
  ];
  const holderSteps: Omit<DevnetTx, 'label'>[] = [
    {
      to: rounds.q2.distributor,
      data: call(merkleDistributorAbi, 'claim', [BigInt(q2Claim.index), holder1, BigInt(q2Claim.amount), q2Claim.proof]),
    },
    { to: d.creatorToken, data: call(erc20Abi, 'transfer', [d.deployer, BigInt(q2Claim.amount)]) },
    { to: lpPair, data: call(erc20Abi, 'approve', [staking.address, staking.staked.holder1]) },
    { to: staking.address, data: call(stakingRewardsAbi, 'stake', [staking.staked.holder1]) },
  ];
  const label = (labels: readonly string[]) => (step: Omit<DevnetTx, 'label'>, i: number) => ({ ...step, label: labels[i] ?? '' });
  const receipts = await sendInOrder(client, d.deployer, DEVNET_NEXT_NONCE, deployerSteps.map(label(DEVNET_INCOME_STEPS)));
  const holderReceipts = await sendInOrder(client, holder1, 0, holderSteps.map(label(DEVNET_HOLDER1_INCOME_STEPS)));

  const deployed = [prtnr.address, rounds.q1.distributor, rounds.q2.distributor, rounds.partner.distributor];
  deployed.forEach((address, i) => {
    const got = receipts[i]?.contractAddress;
    if (!got || getAddress(got) !== address)
      throw new Error(`Devnet income: "${DEVNET_INCOME_STEPS[i]}" landed at ${got}, incomePlan.ts says ${address}`);
  });
  if (getAddress(receipts[7]?.contractAddress ?? '0x') !== staking.address)
    throw new Error('Devnet income: StakingRewards is not where incomePlan.ts says');
  // The snapshot program's blocks are in the manifest as constants: they must be where they say.
  const { startBlock, endBlock } = DEVNET_INCOME.snapshotProgram;
  if (receipts[11]?.blockNumber !== BigInt(startBlock) || holderReceipts.at(-1)?.blockNumber !== BigInt(endBlock)) {
    throw new Error(
      `Devnet income: snapshot blocks ${receipts[11]?.blockNumber}/${holderReceipts.at(-1)?.blockNumber}, incomePlan.ts says ${startBlock}/${endBlock}`,
    );
  }
  const nonce = await client.getTransactionCount({ address: d.deployer });
  if (nonce !== DEVNET_A_NEXT_NONCE) throw new Error(`Devnet income: deployer nonce ${nonce}, expected ${DEVNET_A_NEXT_NONCE}`);
}
