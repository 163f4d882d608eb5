import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { DEVNET_A, DEVNET_CHAINS } from '../../lib/chain/devnet';
import { createChainClient } from '../../lib/chain/createChainClient';
import type { SignerCache } from '../../lib/votes/core/checkEnvelope';
import { createHubClient } from '../../lib/votes/core/hubClient';
import { verifyProposalTally, type EnvelopeChecker, type TallyStage } from '../../lib/votes/core/verifyTally';
import { readVotingPower } from '../../lib/votes/core/votingPower';
import { startDemoServer } from '../demo-server/server';
import type { Devnet } from '../devnet/devnet';
import type { Cleanup } from './cleanup';
import { timeMs } from './stats';
import { measureSample, type SampleCosts } from './tallyBaseline';
import { prepareTallyBench } from './tallyVotesSetup';
import { startWorkerPool } from './tallyWorkerPool';
import { loadSecp256k1Node } from '../unit/secp256k1Node';

// "A 10,000-vote tally (signature checks plus balances at the snapshot block) in seconds, not
// minutes." Timed: lib/votes' verifyProposalTally end to end, as the extension runs it, against
// the demo hub over HTTP and anvil: fetching votes and envelopes, every signature recovered,
// every balance read at the snapshot block. The headline spreads the signature checks over one
// worker thread per CPU (Chrome's offscreen-document workers in the product); the one-thread
// tally is measured beside it. The demo hub runs in this process, so its JSON serving competes
// with the tallying thread (a real hub is elsewhere); anvil is its own process. Beside both, the
// naive way on a sample: snapshot.js's verify per vote and one eth_call per voter (6 at a time,
// as a browser would).

export const TALLY_VOTES = 10_000;
const BASELINE_SAMPLE = 1_000;
const CHUNK_SIZES = [250, 500, 1_000, 2_000];

/** One timed tally: wall time, and how long it held the thread that runs it (lib/votes' caller). */
export interface TallyRun {
  seconds: number;
  /**
   * The longest the tally held its thread: the largest gap between beats of a 5 ms interval
   * timer during it. In the extension that thread is the service worker's.
   */
  maxBlockedMs: number;
  /** The tally's stage (as last reported) when that longest gap ended (where to look if it is long). */
  maxBlockedStage: string;
  /**
   * The same gaps counted in this thread's CPU time (threadCpuMs): what the thread itself did
   * between two beats (the in-process demo hub's serving included). On a loaded machine the
   * wall-clock gaps include the time the OS ran other processes.
   */
  maxBlockedCpuMs: number;
  verified: number;
  /**
   * When each stage was first reported, from the start: stages overlap in the pipeline, and
   * progress shows one at a time (fetch: until signatures are shown; power: from then on).
   */
  stagesMs: { fetch: number; signatures: number; power: number };
}

/**
 * CPU time of this thread alone, in ms: Linux's per-thread scheduler statistics (ns on the CPU),
 * else the whole process's (which counts worker threads and V8's own threads too).
 */
function threadCpuMs(): number {
  try {
    return Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]) / 1e6;
  } catch {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
  }
}

export interface TallyBenchResult extends TallyRun {
  votes: number;
  /**
   * The headline, the product's path where the platform allows workers: the pipelined tally with
   * the signature checks spread over one worker thread per CPU (tallyWorkerPool.ts, standing in
   * for Chrome's offscreen-document workers).
   */
  threads: number;
  /** The same tally in one thread (Firefox, no offscreen document), for reference. */
  oneThread: TallyRun;
  /** In one thread again, with the signers the first one-thread tally recovered (lib/votes' SignerCache). */
  retallySeconds: number;
  /** Balances of every voter at the snapshot block, per multicall chunk size (calls per aggregate3); an error when the node refused it. */
  chunkSweep: { chunkSize: number; ms: number | null; error?: string }[];
  /** The naive way, timed on a sample beside ours and scaled to 10,000 votes. */
  baseline: { secondsFor10k: number; sample: SampleCosts };
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

    const recover = await loadSecp256k1Node(); // as the extension's worker does before its first tally
    const tally = async (checkEnvelopes?: EnvelopeChecker, signers?: SignerCache): Promise<TallyRun> => {
      const firstSeen = new Map<TallyStage, number>();
      let stage = 'start';
      let lastBeat = performance.now();
      let maxBlockedMs = 0;
      let maxBlockedStage = stage;
      let lastCpu = threadCpuMs();
      let maxBlockedCpuMs = 0;
      const beat = () => {
        const now = performance.now();
        const cpu = threadCpuMs();
        if (now - lastBeat > maxBlockedMs) [maxBlockedMs, maxBlockedStage] = [now - lastBeat, stage];
        maxBlockedCpuMs = Math.max(maxBlockedCpuMs, cpu - lastCpu);
        lastBeat = now;
        lastCpu = cpu;
      };
      const heartbeat = setInterval(beat, 5);
      const start = performance.now();
      const result = await verifyProposalTally({
        hub,
        client,
        chainId: DEVNET_A.chainId,
        power: demo.hub.powerSource,
        space: demo.hub.space,
        proposalId: data.proposalId,
        checkEnvelopes,
        signers,
        recover,
        onProgress: (p) => {
          stage = p.stage;
          if (!firstSeen.has(p.stage)) firstSeen.set(p.stage, performance.now());
        },
      });
      stage = 'count';
      // The last beat: the count after the balances is part of the tally too.
      await new Promise((resolve) => setTimeout(resolve, 0));
      beat();
      const end = performance.now();
      clearInterval(heartbeat);
      if (result.verified !== TALLY_VOTES)
        throw new Error(`The tally verified ${result.verified} of ${TALLY_VOTES} votes: ${JSON.stringify(result.invalid.slice(0, 3))}`);
      const at = (stage: TallyStage) => firstSeen.get(stage) ?? end;
      return {
        seconds: (end - start) / 1000,
        maxBlockedMs,
        maxBlockedStage,
        maxBlockedCpuMs,
        verified: result.verified,
        stagesMs: { fetch: at('signatures') - start, signatures: at('power') - at('signatures'), power: end - at('power') },
      };
    };
    const threads = cpus().length;
    const pool = await startWorkerPool(threads); // long-lived, as the offscreen document's workers once started
    cleanup.add('tally worker threads', () => pool.stop());
    log(`  tallying, signatures on ${threads} worker threads (the headline)…`);
    const pooled = await tally(pool.check).finally(() => pool.stop());
    log('  tallying in one thread…');
    const signers: SignerCache = new Map();
    const single = await tally(undefined, signers);
    log('  again, signers known from the first tally…');
    const again = await tally(undefined, signers);

    log('  balances per chunk size…');
    const chunkSweep: TallyBenchResult['chunkSweep'] = [];
    for (const chunkSize of CHUNK_SIZES) {
      const read = () => readVotingPower(client, demo.hub.powerSource, data.voters, data.snapshotBlock, { chunkSize });
      chunkSweep.push(
        await timeMs(read).then(
          (ms) => ({ chunkSize, ms }),
          (error: Error) => ({
            chunkSize,
            ms: null,
            error: `${error.message}: ${(error as { details?: string }).details ?? ''}`.slice(0, 200),
          }),
        ),
      );
    }

    log(`  naive beside ours on ${BASELINE_SAMPLE.toLocaleString('en-US')} votes…`);
    const proposal = demo.hub.store.getProposal(data.proposalId)!;
    const expected = {
      space: demo.hub.space,
      proposalId: proposal.id,
      type: proposal.type,
      choicesCount: proposal.choices.length,
      start: proposal.start,
      end: proposal.end,
    };
    const sample = await measureSample(
      data.envelopes.slice(0, BASELINE_SAMPLE),
      expected,
      { client, rpcUrl: chain.rpcUrl, source: demo.hub.powerSource, blockNumber: data.snapshotBlock },
      recover,
    );
    const scale = TALLY_VOTES / BASELINE_SAMPLE / 1000;
    const secondsFor10k = (sample.naive.signaturesMs + sample.naive.balancesMs) * scale;
    log(
      `  ours ${pooled.seconds.toFixed(1)} s (${single.seconds.toFixed(1)} s in one thread), naive ${secondsFor10k.toFixed(1)} s for 10,000 votes: ${(secondsFor10k / pooled.seconds).toFixed(1)}× faster`,
    );
    return {
      votes: TALLY_VOTES,
      ...pooled,
      threads,
      oneThread: single,
      retallySeconds: again.seconds,
      chunkSweep,
      baseline: { secondsFor10k, sample },
    };
  } finally {
    await demo.stop();
  }
}
