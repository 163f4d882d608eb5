import type { RequestHandlers } from '@/lib/messaging/contract';
import type { incomeRequests } from '../contract';
import { claimAll, claimAllOutcome, previewClaimAll } from './claimAll';
import { claimRound } from './claimRound';
import { backgroundDeps } from '../../app/background/backgroundDeps';

export const incomeHandlers: RequestHandlers<typeof incomeRequests> = {
  claim: ({ tokenId, roundId }) => claimRound(backgroundDeps(), tokenId, roundId),
  'claim-all-preview': async ({ chainId }) => {
    const preview = await previewClaimAll(backgroundDeps(), chainId);
    return {
      ...preview,
      rounds: preview.rounds.map((r) => ({ ...r, amount: r.amount.toString() })),
      totals: preview.totals.map((t) => ({ ...t, amount: t.amount.toString() })),
    };
  },
  'claim-all': ({ chainId, seen }) => claimAll(backgroundDeps(), chainId, seen),
  'claim-all-outcome': async ({ transactionId }) => {
    const { transaction, rounds } = await claimAllOutcome(backgroundDeps(), transactionId);
    return { status: transaction.status, error: transaction.error, hash: transaction.hash, rounds };
  },
};
