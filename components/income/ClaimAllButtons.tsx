import type { Address } from 'viem';
import { chainById } from '@/lib/chain/knownChains';
import type { FollowRow, IncomeRow } from '@/lib/db/rows';
import { claimableByChain } from '@/lib/income/core/claimableByChain';
import { useClaimAllHistory } from '@/lib/income/ui/useClaimAll';
import { usePopupStore } from '@/lib/app/ui/popupStore';

/**
 * On the home view: one "Claim everything" per chain where two or more rounds wait across the
 * creators followed (one round has its own Claim button), and the way to earlier claim-alls.
 */
export function ClaimAllButtons({ income, follows, account }: { income: IncomeRow[]; follows: FollowRow[]; account: Address | null }) {
  const show = usePopupStore((s) => s.show);
  const history = useClaimAllHistory(account);
  const chains = claimableByChain(income, follows).filter((c) => c.rounds >= 2);
  if (chains.length === 0 && history.length === 0) return null;
  const several = chains.length > 1;
  return (
    <div className="claim-all-buttons">
      {chains.map((c) => {
        const chainName = chainById(c.chainId)?.name ?? `chain ${c.chainId}`;
        return (
          <button
            key={c.chainId}
            type="button"
            className="primary"
            data-testid="claim-all-button"
            data-chain={c.chainId}
            title={`${c.rounds} rounds from ${c.creators} creator${c.creators > 1 ? 's' : ''} on ${chainName}, in one transaction`}
            onClick={() => show({ name: 'claim-all', chainId: c.chainId, transactionId: null })}
          >
            Claim everything{several ? ` on ${chainName}` : ''} · {c.rounds} rounds
          </button>
        );
      })}
      {history.length > 0 && (
        <button
          type="button"
          className="link-button small"
          data-testid="claim-all-history-button"
          onClick={() => show({ name: 'claim-all', chainId: null, transactionId: null })}
        >
          Earlier claim-alls ({history.length})
        </button>
      )}
    </div>
  );
}
