import { encodeAbiParameters, getAddress, hashTypedData, keccak256, numberToHex, toHex, type Address, type Hex } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { buildVoteTypedData, viemTypedData, voteEnvelope } from '../../lib/votes/core/buildVoteTypedData';
import { devnetClient, type DevnetClient } from '../devnet/client';
import type { DemoHub } from '../demo-server/hub/demoHub';

// The untimed part of the tally figure: N voters with their own keys, each holding a different
// amount of the creator token at the snapshot block, each with a signed vote in the demo hub.
// Balances are written straight into the token's storage (anvil_setStorageAt, in JSON-RPC
// batches): 10,000 transfers would take longer than the tally being measured.

const E18 = 10n ** 18n;
export const BENCH_PROPOSAL = keccak256(toHex('alex.eth/bench-10k'));
export const BENCH_CHOICES = ['Piano', 'Spanish', 'Solidity', 'Surfing'];

export interface TallyBenchData {
  proposalId: Hex;
  voters: Address[];
  /** Every envelope, as the hub serves them (for the baseline, which checks them one by one). */
  envelopes: { address: Address; sig: Hex; data: unknown }[];
  snapshotBlock: bigint;
}

const balanceOf = (i: number) => BigInt(1 + ((i * 7919) % 5000)) * E18;

export async function prepareTallyBench(hub: DemoHub, rpcUrl: string, count: number, log: (line: string) => void): Promise<TallyBenchData> {
  const client = devnetClient(rpcUrl);
  const token = hub.powerSource.token;
  const slot = await balanceSlot(client, token);
  const now = hub.store.now();
  const start = now - 2 * 86_400;
  log(`  signing ${count.toLocaleString('en-US')} votes (untimed)…`);
  const signed = [];
  for (let i = 0; i < count; i++) {
    const account = privateKeyToAccount(keccak256(toHex(`bench-voter-${i}`)));
    const typed = buildVoteTypedData({
      from: account.address,
      space: hub.space,
      proposal: BENCH_PROPOSAL,
      type: 'single-choice',
      choice: 1 + (i % 4),
      timestamp: start + 1 + i,
    });
    signed.push({ typed, envelope: voteEnvelope(account.address, await account.signTypedData(viemTypedData(typed)), typed) });
  }
  const voters = signed.map((s) => s.envelope.address);
  log('  writing balances (untimed)…');
  await Promise.all(
    voters.map((v, i) =>
      client.setStorageAt({ address: token, index: mappingSlot(v, slot), value: numberToHex(balanceOf(i), { size: 32 }) }),
    ),
  );
  await client.mine({ blocks: 1 });
  const snapshotBlock = await client.getBlockNumber();
  await client.mine({ blocks: 1 }); // cheat codes write into the head block: keep the snapshot block as it is
  hub.store.addProposal({
    id: BENCH_PROPOSAL,
    space: hub.space,
    type: 'single-choice',
    title: 'Bench: 10,000 votes',
    body: '',
    choices: BENCH_CHOICES,
    start,
    end: now - 86_400,
    snapshot: snapshotBlock,
    author: voters[0]!,
    created: start,
    network: String(hub.chainId),
    symbol: 'ALEX',
    strategies: [],
  });
  signed.forEach(({ typed, envelope }, i) => {
    const id = hashTypedData(viemTypedData(typed));
    hub.store.putVote({
      id,
      ipfs: `demo-${id.slice(2, 18)}`,
      voter: getAddress(envelope.address),
      proposal: BENCH_PROPOSAL,
      created: typed.message.timestamp,
      choice: typed.message.choice,
      reason: '',
      app: '',
      power: balanceOf(i),
      envelope,
    });
  });
  return { proposalId: BENCH_PROPOSAL, voters, envelopes: signed.map((s) => s.envelope), snapshotBlock };
}

export function mappingSlot(holder: Address, slot: bigint): Hex {
  return keccak256(encodeAbiParameters([{ type: 'address' }, { type: 'uint256' }], [holder, slot]));
}

/** The storage slot of the token's `balanceOf` mapping, found by giving a probe address a marked balance. */
export async function balanceSlot(client: DevnetClient, token: Address): Promise<bigint> {
  const probe = '0x000000000000000000000000000000000000b0b5' as Address;
  const marker = 123_456_789n;
  await client.request({ method: 'anvil_dealERC20', params: [probe, token, numberToHex(marker)] } as never);
  for (let slot = 0n; slot < 32n; slot++) {
    const stored = await client.getStorageAt({ address: token, slot: mappingSlot(probe, slot) });
    if (stored && BigInt(stored) === marker) return slot;
  }
  throw new Error(`Could not find the balance mapping of ${token}`);
}
