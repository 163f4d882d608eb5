import { cpus } from 'node:os';
import snapshot from '@snapshot-labs/snapshot.js';
import { createPublicClient, http, type Address } from 'viem';
import { erc20Abi } from '../../lib/chain/abis';
import { DEVNET_A, DEVNET_CHAINS } from '../../lib/chain/devnet';
import { createChainClient } from '../../lib/chain/createChainClient';
import { createHubClient } from '../../lib/votes/hubClient';
import { verifyProposalTally, type EnvelopeChecker, type TallyStage } from '../../lib/votes/verifyTally';
import { readVotingPower } from '../../lib/votes/votingPower';
import { startDemoServer } from '../demo-server/server';
import type { Devnet } from '../devnet/devnet';
import type { Cleanup } from './cleanup';
import { timeMs } from './stats';
import { prepareTallyBench } from './tallyVotesSetup';
import { startWorkerPool } from './tallyWorkerPool';

// "A 10,000-vote tally (signature checks plus balances at the snapshot block) in seconds, not
// minutes." Timed: lib/votes' verifyProposalTally end to end, as the extension runs it, against
// the demo hub over HTTP and anvil: fetching votes and envelopes, every signature recovered,
// every balance read at the snapshot block. Beside it, the naive way on a sample: snapshot.js's
// verify per vote and one eth_call per voter (6 at a time, as a browser would).

export const TALLY_VOTES = 10_000;
const BASELINE_SAMPLE = 1_000;
const CHUNK_SIZES = [250, 500, 1_000, 2_000];
const BROWSER_CONNECTIONS_PER_HOST = 6;

export interface TallyBenchResult {
  votes: number;
  /** In one thread, as the extension's background runs it. */
  seconds: number;
  /** The same tally with the signature checks spread over one worker thread per CPU. */
  workers: { threads: number; seconds: number };
  verified: number;
  /** Where the time went, from the tally's own progress reports. */
  stagesMs: { fetch: number; signatures: number; power: number };
  /** Balances of every voter at the snapshot block, per multicall chunk size (calls per aggregate3); an error when the node refused it. */
  chunkSweep: { chunkSize: number; ms: number | null; error?: string }[];
  baseline: { sampleVotes: number; signaturesMs: number; balancesMs: number; secondsFor10k: number };
}

export async function measureTally(devnet: Devnet, cleanup: Cleanup, log: (line: string) => void = console.log): Promise<TallyBenchResult> {
  const chain = devnet.chains[0];
  const demo = await startDemoServer({ alexPort: 0, mikePort: 0, otherPort: 0 });
  cleanup.add('demo server for the tally', () => demo.stop());
  try {
    const data = await prepareTallyBench(demo.hub, chain.rpcUrl, TALLY_VOTES, log);
    const config = { ...DEVNET_CHAINS[0]!, rpcUrls: [chain.rpcUrl] };
    const client = createChainClient(config, { timeoutMs: 60_000 }); // the extension's client
    const hub = createHubClient(`${demo.origins.alex}/hub`, { timeoutMs: 60_000 });

    const tally = async (checkEnvelopes?: EnvelopeChecker) => {
      const firstSeen = new Map<TallyStage, number>();
      const start = performance.now();
      const result = await verifyProposalTally({
        hub,
        client,
        chainId: DEVNET_A.chainId,
        power: demo.hub.powerSource,
        space: demo.hub.space,
        proposalId: data.proposalId,
        checkEnvelopes,
        onProgress: (p) => void (firstSeen.has(p.stage) || firstSeen.set(p.stage, performance.now())),
      });
      const end = performance.now();
      if (result.verified !== TALLY_VOTES) throw new Error(`The tally verified ${result.verified} of ${TALLY_VOTES} votes: ${JSON.stringify(result.invalid.slice(0, 3))}`);
      const at = (stage: TallyStage) => firstSeen.get(stage) ?? end;
      return { seconds: (end - start) / 1000, verified: result.verified, stagesMs: { fetch: at('signatures') - start, signatures: at('power') - at('signatures'), power: end - at('power') } };
    };
    log('  tallying in one thread…');
    const single = await tally();
    const threads = cpus().length;
    log(`  tallying with ${threads} worker threads…`);
    const pool = await startWorkerPool(threads);
    cleanup.add('tally worker threads', () => pool.stop());
    const pooled = await tally(pool.check).finally(() => pool.stop());

    log('  balances per chunk size…');
    const chunkSweep: TallyBenchResult['chunkSweep'] = [];
    for (const chunkSize of CHUNK_SIZES) {
      const read = () => readVotingPower(client, demo.hub.powerSource, data.voters, data.snapshotBlock, { chunkSize });
      chunkSweep.push(await timeMs(read).then((ms) => ({ chunkSize, ms }), (error: Error) => ({ chunkSize, ms: null, error: `${error.message}: ${(error as { details?: string }).details ?? ''}`.slice(0, 200) })));
    }

    log(`  baseline on ${BASELINE_SAMPLE.toLocaleString('en-US')} votes…`);
    const sample = data.envelopes.slice(0, BASELINE_SAMPLE);
    const signaturesMs = await timeMs(async () => {
      for (const e of sample) if (!(await snapshot.utils.verify(e.address, e.sig, e.data as never))) throw new Error(`snapshot.js rejected ${e.address}`);
    });
    const naive = createPublicClient({ transport: http(chain.rpcUrl) }); // no batching: one request per read
    const balancesMs = await timeMs(() => eachLimited(sample.map((e) => e.address), BROWSER_CONNECTIONS_PER_HOST, (voter) =>
      naive.readContract({ address: DEVNET_A.creatorToken, abi: erc20Abi, functionName: 'balanceOf', args: [voter], blockNumber: data.snapshotBlock }),
    ));
    const secondsFor10k = ((signaturesMs + balancesMs) / 1000) * (TALLY_VOTES / BASELINE_SAMPLE);
    return {
      votes: TALLY_VOTES,
      seconds: single.seconds,
      workers: { threads, seconds: pooled.seconds },
      verified: single.verified,
      stagesMs: single.stagesMs,
      chunkSweep,
      baseline: { sampleVotes: BASELINE_SAMPLE, signaturesMs, balancesMs, secondsFor10k },
    };
  } finally {
    await demo.stop();
  }
}

async function eachLimited(items: Address[], limit: number, work: (item: Address) => Promise<unknown>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: limit }, worker));
}
