import type { ChainClient } from '@/lib/chain/createChainClient';
import type { Address } from 'viem';
import type { BackgroundDeps } from '@/lib/app/background/backgroundDeps';
import { holdingsAccount, readSettings } from '@/lib/settings/settingsRepository';
import type { ProposalWithPower } from '@/lib/votes/contract';
import { createHubClient } from '@/lib/votes/core/hubClient';
import type { HubProposal } from '@/lib/votes/core/hubSchemas';
import { hubVotingPower } from '@/lib/votes/core/hubVotingPower';
import { isShielded, proposalPageUrl } from '@/lib/votes/core/shielded';
import { readVotingPower, votingPowerSource } from '@/lib/votes/core/votingPower';
import { voteContext, type VoteContext } from './voteContext';

const SHOWN = 20;
/** The hub's `vp` is only compared with ours: a slow answer is dropped, not waited for. */
const HUB_VP_TIMEOUT_MS = 4_000;

/** Open and recent proposals, each with the holder's voting power at its snapshot block. */
export async function listProposals(deps: Pick<BackgroundDeps, 'db' | 'clientFor'>, tokenId: string): Promise<ProposalWithPower[]> {
  const context = await voteContext(deps.db, tokenId);
  const settings = await readSettings(deps.db);
  const account = holdingsAccount(settings);
  const proposals = (await createHubClient(context.hub).proposals({ space: context.space }, { first: SHOWN })).filter(
    (p) => p.type !== null,
  );
  const [powers, hubVps] = account
    ? await Promise.all([
        powersAtSnapshots(deps.clientFor(context.chain, settings.rpcUrls[context.chain.chainId]), context, account, proposals),
        hubPowers(context, account, proposals),
      ])
    : [new Map<string, ProposalWithPower['power']>(), new Map<string, number | null>()];
  return proposals.map((p) => {
    const power = powers.get(p.snapshotBlock.toString()) ?? null;
    return {
      proposal: {
        id: p.id,
        title: p.title,
        body: p.body.slice(0, 2_000),
        type: p.type!,
        choices: p.choices,
        start: p.start,
        end: p.end,
        snapshotBlock: Number(p.snapshotBlock),
        state: p.state === 'active' || p.state === 'pending' ? p.state : 'closed',
        hubScores: p.scores ?? [],
        votes: p.votes ?? 0,
        shielded: isShielded(p.privacy),
        pageUrl: proposalPageUrl(context.hub, context.space, p.id),
      },
      power: power && { ...power, hubVp: hubVps.get(p.id) ?? null },
    };
  });
}

/** The hub's own `vp` for the holder on each open proposal, where the hub answers Snapshot's `vp` query. */
async function hubPowers(context: VoteContext, account: string, proposals: HubProposal[]): Promise<Map<string, number | null>> {
  const open = proposals.filter((p) => p.state === 'active');
  const entries = await Promise.all(
    open.map(
      async (p) =>
        [
          p.id,
          await hubVotingPower(context.hub, { voter: account, space: context.space, proposal: p.id }, { timeoutMs: HUB_VP_TIMEOUT_MS }),
        ] as const,
    ),
  );
  return new Map(entries);
}

/** One chunked multicall per distinct snapshot block (proposals often share one). */
async function powersAtSnapshots(client: ChainClient, context: VoteContext, account: Address, proposals: HubProposal[]) {
  const source = votingPowerSource(context.chain, context.token, context.countLiquidity);
  const blocks = [...new Set(proposals.map((p) => p.snapshotBlock.toString()))];
  const entries = await Promise.all(
    blocks.map(async (block) => {
      const reading = await readVotingPower(client, source, [account], BigInt(block));
      const power = reading.powers.get(account.toLowerCase());
      if (!power) return [block, null] as const;
      return [
        block,
        {
          account,
          amount: power.total.toString(),
          fromLiquidity: power.liquidity.toString(),
          countsLiquidity: context.countLiquidity,
          hubVp: null,
          decimals: reading.decimals,
          symbol: context.symbol,
          blockNumber: Number(block),
        },
      ] as const;
    }),
  );
  return new Map<string, ProposalWithPower['power']>(entries);
}
