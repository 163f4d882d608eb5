import type { ChainClient } from '../../lib/chain/createChainClient';
import snapshot from '@snapshot-labs/snapshot.js';
import { createPublicClient, http, type Address } from 'viem';
import { erc20Abi } from '../../lib/chain/abis';
import type { EnvelopeExpectation, Recover } from '../../lib/votes/core/checkEnvelope';
import { checkEnvelopes } from '../../lib/votes/core/verifyTally';
import { readVotingPower, type VotingPowerSource } from '../../lib/votes/core/votingPower';
import { timeMs } from './stats';

// The naive way beside ours, on the same sample of votes: snapshot.js's own verify per vote
// (ethers) against lib/votes' checks, and one eth_call per voter (6 at a time, as a browser
// would) against the chunked multicall. Signature checks alternate in slices of 100, so load
// from other processes on a shared machine falls on both alike.

const SLICE = 100;
const BROWSER_CONNECTIONS_PER_HOST = 6;

export interface SampleCosts {
  votes: number;
  ours: { signaturesMs: number; balancesMs: number };
  naive: { signaturesMs: number; balancesMs: number };
}

export async function measureSample(
  sample: readonly { address: Address; sig: `0x${string}`; data: unknown }[],
  expected: EnvelopeExpectation,
  chain: { client: ChainClient; rpcUrl: string; source: VotingPowerSource; blockNumber: bigint },
  recover: Recover,
): Promise<SampleCosts> {
  const ours = { signaturesMs: 0, balancesMs: 0 };
  const naive = { signaturesMs: 0, balancesMs: 0 };
  for (let i = 0; i < sample.length; i += SLICE) {
    const slice = sample.slice(i, i + SLICE);
    ours.signaturesMs += await timeMs(async () => {
      const checked = await checkEnvelopes(slice, expected, undefined, undefined, recover);
      if (checked.some((c) => !c.ok)) throw new Error('lib/votes rejected a bench vote');
    });
    naive.signaturesMs += await timeMs(async () => {
      for (const e of slice)
        if (!(await snapshot.utils.verify(e.address, e.sig, e.data as never))) throw new Error(`snapshot.js rejected ${e.address}`);
    });
  }
  const voters = sample.map((e) => e.address);
  // Wallet balances only on both sides: the naive reader makes one balanceOf per voter.
  ours.balancesMs = await timeMs(() => readVotingPower(chain.client, { ...chain.source, liquidityPair: null }, voters, chain.blockNumber));
  const oneByOne = createPublicClient({ transport: http(chain.rpcUrl) }); // no batching: one request per read
  naive.balancesMs = await timeMs(() =>
    eachLimited(voters, BROWSER_CONNECTIONS_PER_HOST, (voter) =>
      oneByOne.readContract({
        address: chain.source.token,
        abi: erc20Abi,
        functionName: 'balanceOf',
        args: [voter],
        blockNumber: chain.blockNumber,
      }),
    ),
  );
  return { votes: sample.length, ours, naive };
}

async function eachLimited(items: Address[], limit: number, work: (item: Address) => Promise<unknown>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: limit }, worker));
}
