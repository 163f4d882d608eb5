import { useState } from 'react';
import type { Address } from 'viem';
import type { RoundView, TransactionRow } from '@/lib/db/rows';
import type { HoldingView } from '@/lib/holdings/core/holdingView';
import { valueInWei } from '@/lib/holdings/core/valuation';
import { sendRequest } from '@/lib/messaging/requests';
import { formatTokenAmount } from '@/lib/format/format';
import { useMoney } from '@/lib/settings/ui/currency';
import { useCreatorIncome } from '@/lib/income/ui/useCreatorIncome';
import { TransactionStatus } from '../wallet/TransactionStatus';
import { holderMessage } from '@/lib/errors/baseError';

interface IncomePanelProps {
  tokenId: string;
  account: Address | null;
  canSend: boolean;
  following: boolean;
  /** The creator token's holding, to value income paid in it. */
  holding: HoldingView | null;
}

/** Every distribution round of one creator: claimable, claimed, or not for this holder. */
export function IncomePanel({ tokenId, account, canSend, following, holding }: IncomePanelProps) {
  const { income, transactions } = useCreatorIncome(account, tokenId);
  const money = useMoney();
  if (!following) return <p className="empty">Follow this creator to see the income rounds you can claim.</p>;
  if (!account) return <p className="empty">Watch an address or connect a wallet to see your income.</p>;
  if (!income) return <p className="empty">Reading the rounds…</p>;
  if (income.rounds.length === 0) return <p className="empty">No income rounds declared.</p>;

  const claimable = income.rounds
    .filter((r) => r.status === 'claimable' && r.paidInCreatorToken)
    .reduce((sum, r) => sum + BigInt(r.amount ?? '0'), 0n);
  return (
    <div className="income">
      {claimable > 0n && holding && (
        <p className="small" data-testid="claimable-total">
          Claimable now:{' '}
          <strong>
            {formatTokenAmount(claimable, holding.decimals)} {holding.symbol}
          </strong>
          {holding.priceEthE18 !== null && (
            <>
              {' '}
              ·{' '}
              {money.format({
                usdE18: holding.priceUsdE18 === null ? null : valueInWei(claimable, holding.decimals, holding.priceUsdE18),
                wei: valueInWei(claimable, holding.decimals, holding.priceEthE18),
              })}
            </>
          )}
        </p>
      )}
      <ul className="rounds" aria-label="Income rounds">
        {income.rounds.map((round) => (
          <RoundItem
            key={round.id}
            tokenId={tokenId}
            round={round}
            canSend={canSend}
            latest={
              transactions.filter((t) => t.tokenId === tokenId && t.subject === round.id).sort((a, b) => b.createdAt - a.createdAt)[0]
            }
          />
        ))}
      </ul>
    </div>
  );
}

function RoundItem({
  tokenId,
  round,
  canSend,
  latest,
}: {
  tokenId: string;
  round: RoundView;
  canSend: boolean;
  latest: TransactionRow | undefined;
}) {
  const [error, setError] = useState<string | null>(null);
  const busy = latest?.status === 'awaiting-signature' || latest?.status === 'pending';
  const amount = round.amount !== null ? `${formatTokenAmount(BigInt(round.amount), round.tokenDecimals)} ${round.tokenSymbol}` : null;
  const claim = async () => {
    setError(null);
    try {
      await sendRequest('claim', { tokenId, roundId: round.id });
    } catch (e) {
      setError(holderMessage(e));
    }
  };
  return (
    <li className="round" data-testid="round" data-round={round.id} data-status={round.status}>
      <div className="round-main">
        <span className="round-title">{round.title}</span>
        <span className="muted small">
          {round.date}
          {round.paidInCreatorToken ? '' : ` · paid in ${round.tokenSymbol}`}
        </span>
      </div>
      <div className="round-side">
        {round.status === 'claimable' && (
          <>
            <strong>{amount}</strong>
            <button
              type="button"
              className="primary small-button"
              disabled={!canSend || busy}
              onClick={() => void claim()}
              aria-label={busy ? `Claiming… (${round.title})` : `Claim ${round.title}`}
            >
              {busy ? 'Claiming…' : 'Claim'}
            </button>
          </>
        )}
        {round.status === 'claimed' && <span className="pill ok">Claimed{amount ? ` · ${amount}` : ''}</span>}
        {round.status === 'not-eligible' && <span className="muted small">Not part of this round</span>}
        {(round.status === 'refused' || round.status === 'unavailable') && <span className="error small">{round.message}</span>}
      </div>
      {latest && <TransactionStatus transaction={latest} />}
      {error && (
        <p className="error small" role="alert">
          {error}
        </p>
      )}
      {round.status === 'claimable' && !canSend && <p className="muted small">Connect a wallet to claim.</p>}
    </li>
  );
}
