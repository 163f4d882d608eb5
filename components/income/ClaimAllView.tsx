import { useMemo, useState } from 'react';
import type { Address } from 'viem';
import { usePopupStore } from '@/lib/app/ui/popupStore';
import type { CompanionData } from '@/lib/app/ui/useCompanionData';
import { chainById } from '@/lib/chain/knownChains';
import type { TransactionRow } from '@/lib/db/rows';
import { holderMessage } from '@/lib/errors/baseError';
import { formatTokenAmount } from '@/lib/format/format';
import { valueOfClaims } from '@/lib/holdings/core/claimableValue';
import { toHoldingView, type HoldingView } from '@/lib/holdings/core/holdingView';
import { useMoney, type MoneyFormat } from '@/lib/settings/ui/currency';
import { sendRequest } from '@/lib/messaging/requests';
import { parseTokenId } from '@/lib/protocol/caip19';
import { holdingsAccount } from '@/lib/settings/settingsRepository';
import {
  useClaimAllHistory,
  useClaimAllOutcome,
  useClaimAllPreview,
  useTransactionRow,
  type ClaimAllOutcomeResult,
} from '@/lib/income/ui/useClaimAll';
import { Skeleton } from '../app/Skeleton';
import { TransactionStatus } from '../wallet/TransactionStatus';

interface Props {
  data: CompanionData;
  chainId: number | null;
  transactionId: string | null;
}

const chainName = (chainId: number) => chainById(chainId)?.name ?? `chain ${chainId}`;

/** Names and units from what the popup already holds: the creators followed and their rounds. */
function useLabels(data: CompanionData) {
  const creator = (tokenId: string) => {
    const f = data.follows.find((x) => x.tokenId === tokenId);
    return f?.creatorName ?? f?.name ?? f?.symbol ?? 'A creator';
  };
  const unitOf = (token: string | undefined, tokenId?: string, roundId?: string) => {
    const round = tokenId && roundId ? data.income.find((r) => r.tokenId === tokenId)?.rounds.find((r) => r.id === roundId) : undefined;
    if (round) return { symbol: round.tokenSymbol, decimals: round.tokenDecimals };
    const lower = token?.toLowerCase();
    const follow = data.follows.find((f) => parseTokenId(f.tokenId).address.toLowerCase() === lower);
    if (follow?.symbol) return { symbol: follow.symbol, decimals: 18 };
    return { symbol: 'tokens', decimals: 18 };
  };
  return { creator, unitOf };
}

/** Claim everything on one chain: the summary before signing, the outcome after, earlier records. */
export function ClaimAllView({ data, chainId, transactionId }: Props) {
  const show = usePopupStore((s) => s.show);
  const account = holdingsAccount(data.settings);
  return (
    <div className="claim-all-view">
      <div className="view-head">
        <button type="button" className="icon-button" onClick={() => show({ name: 'home' })} aria-label="Back to holdings">
          ←
        </button>
        <h1>Claim everything</h1>
        {chainId !== null && <span className="muted small">{chainName(chainId)}</span>}
      </div>
      {transactionId !== null ? (
        <ClaimAllOutcome data={data} transactionId={transactionId} />
      ) : chainId !== null ? (
        <ClaimAllSummary data={data} chainId={chainId} />
      ) : null}
      <ClaimAllHistory data={data} account={account} current={transactionId} />
    </div>
  );
}

function ClaimAllSummary({ data, chainId }: { data: CompanionData; chainId: number }) {
  const show = usePopupStore((s) => s.show);
  const preview = useClaimAllPreview(chainId);
  const { creator, unitOf } = useLabels(data);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const canSend = data.settings.wallet !== null;
  const money = useMoney();
  const views = useMemo(() => new Map(data.holdings.map((row) => [row.tokenId, toHoldingView(row)])), [data.holdings]);

  if (preview.state === 'loading') return <Skeleton lines={4} label="Checking every round on chain" />;
  if (preview.state === 'error')
    return (
      <section className="card" aria-label="Claim everything">
        <p className="error" role="alert">
          {preview.message}
        </p>
        <button type="button" className="small-button" onClick={preview.reload}>
          Try again
        </button>
      </section>
    );
  const { rounds, totals, via } = preview.value;
  const landing = rounds.filter((r) => r.simulated.ok);
  const amountText = (amount: string, token: string, tokenId?: string, roundId?: string) => {
    const unit = unitOf(token, tokenId, roundId);
    return `${formatTokenAmount(BigInt(amount), unit.decimals)} ${unit.symbol}`;
  };
  const send = async () => {
    setError(null);
    setSending(true);
    try {
      const seen = rounds.map((r) => ({ tokenId: r.tokenId, roundId: r.roundId }));
      const { transactionId } = await sendRequest('claim-all', { chainId, seen });
      show({ name: 'claim-all', chainId, transactionId });
    } catch (e) {
      setError(holderMessage(e));
    } finally {
      setSending(false);
    }
  };

  if (rounds.length === 0) return <p className="empty">Nothing is waiting to be claimed on {chainName(chainId)}.</p>;
  return (
    <section className="card claim-all" aria-labelledby="claim-all-summary-heading" data-testid="claim-all-summary">
      <h2 id="claim-all-summary-heading" className="small-heading">
        Before you sign
      </h2>
      <p className="small" data-testid="claim-all-total">
        You receive{' '}
        {totals.map((t, i) => (
          <span key={t.token}>
            {i > 0 && (i === totals.length - 1 ? ' and ' : ', ')}
            <strong>{amountText(t.amount, t.token, ...firstRoundOf(rounds, t.token))}</strong>
          </span>
        ))}
        {totals.length === 0 && <strong>nothing</strong>} from {landing.length} round{landing.length === 1 ? '' : 's'}, in one{' '}
        {via === 'wallet-batch' ? 'batch your wallet runs as a whole' : 'transaction (Multicall3)'}.
      </p>
      <ClaimsWorth money={money} value={valueOfLanding(landing, views, unitOf)} />
      <ul className="rounds" aria-label="Rounds in this claim">
        {rounds.map((r) => (
          <li
            key={`${r.tokenId}#${r.roundId}`}
            className="round"
            data-testid="claim-all-round"
            data-round={r.roundId}
            data-status={r.simulated.ok ? 'included' : 'left-out'}
          >
            <div className="round-main">
              <span className="round-title">{creator(r.tokenId)}</span>
              <span className="muted small">{r.title}</span>
            </div>
            <div className="round-side">
              {r.simulated.ok ? (
                <strong>{amountText(r.amount, r.token, r.tokenId, r.roundId)}</strong>
              ) : (
                <span className="error small">Left out: {r.simulated.reason}</span>
              )}
            </div>
          </li>
        ))}
      </ul>
      <p className="muted small">
        Simulated just now from your account. Anyone may send a claim, so a round someone else claims before this lands is simply not paid
        again; the others still are.
      </p>
      <button
        type="button"
        className="primary"
        disabled={!canSend || sending || landing.length === 0}
        onClick={() => void send()}
        data-testid="claim-all-confirm"
      >
        {sending ? 'Confirm in your wallet…' : `Claim ${landing.length} round${landing.length === 1 ? '' : 's'}`}
      </button>
      {!canSend && <p className="muted small">Connect a wallet to claim: a watched address cannot send transactions.</p>}
      {error && (
        <p className="error small" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}

type Landing = { tokenId: string; roundId: string; token: string; amount: string };

/** The landing rounds at each creator's pool price: only rounds paid in the creator's own token have one. */
function valueOfLanding(landing: Landing[], views: Map<string, HoldingView>, unitOf: ReturnType<typeof useLabels>['unitOf']) {
  return valueOfClaims(
    landing.map((r) => ({
      tokenId: r.tokenId,
      amount: BigInt(r.amount),
      decimals: unitOf(r.token, r.tokenId, r.roundId).decimals,
      paidInCreatorToken: r.token.toLowerCase() === parseTokenId(r.tokenId).address.toLowerCase(),
    })),
    views,
  );
}

function ClaimsWorth({ money, value }: { money: MoneyFormat; value: ReturnType<typeof valueOfClaims> }) {
  const priced = value.usdE18 > 0n || value.wei > 0n;
  if (!priced) return null;
  const left =
    value.unpriced === 0 ? '' : `, not counting ${value.unpriced} round${value.unpriced === 1 ? '' : 's'} in a token with no price here`;
  return (
    <p className="muted small" data-testid="claim-all-value">
      Worth about {money.format({ usdE18: value.usdE18, wei: value.wei })} at the pools' prices now{left}.
    </p>
  );
}

function firstRoundOf(rounds: { token: string; tokenId: string; roundId: string }[], token: string): [string?, string?] {
  const r = rounds.find((x) => x.token.toLowerCase() === token.toLowerCase());
  return r ? [r.tokenId, r.roundId] : [];
}

function resultText(result: ClaimAllOutcomeResult['rounds'][number]['result']): { tone: 'ok' | 'warn' | 'error'; text: string } {
  if (result.status === 'claimed')
    return result.by === 'this-transaction'
      ? { tone: 'ok', text: 'Claimed by this transaction' }
      : { tone: 'warn', text: 'Not paid by this transaction: already claimed' };
  return { tone: 'error', text: `Not claimed: ${result.reason}` };
}

function ClaimAllOutcome({ data, transactionId }: { data: CompanionData; transactionId: string }) {
  const row = useTransactionRow(transactionId);
  const outcome = useClaimAllOutcome(row);
  const { creator, unitOf } = useLabels(data);
  if (!row) return <Skeleton lines={3} label="Reading the claim" />;
  const settled = row.status !== 'awaiting-signature' && row.status !== 'pending';
  return (
    <section className="card claim-all" aria-labelledby="claim-all-outcome-heading" data-testid="claim-all-outcome">
      <h2 id="claim-all-outcome-heading" className="small-heading">
        {row.label} · {new Date(row.createdAt).toLocaleString()}
      </h2>
      <TransactionStatus transaction={row} />
      {settled && outcome.state === 'loading' && <Skeleton lines={3} label="Reading each round back from the chain" />}
      {settled && outcome.state === 'error' && (
        <p className="error small" role="alert">
          {outcome.message}
        </p>
      )}
      {settled && outcome.state === 'ready' && (
        <>
          <p className="muted small">Each round as the chain says now (isClaimed), after the receipt:</p>
          <ul className="rounds" aria-label="Each round after the transaction">
            {outcome.value.rounds.map((r) => {
              const { tone, text } = resultText(r.result);
              const unit = unitOf(r.token, r.tokenId, r.roundId);
              return (
                <li
                  key={`${r.tokenId}#${r.roundId}`}
                  className="round"
                  data-testid="claim-all-result"
                  data-round={r.roundId}
                  data-result={r.result.status === 'claimed' ? r.result.by : 'not-claimed'}
                >
                  <div className="round-main">
                    <span className="round-title">{creator(r.tokenId)}</span>
                    <span className="muted small">{r.title}</span>
                  </div>
                  {r.amount !== undefined && (
                    <div className="round-side">
                      <strong>
                        {formatTokenAmount(BigInt(r.amount), unit.decimals)} {unit.symbol}
                      </strong>
                    </div>
                  )}
                  <p className={`claim-result ${tone}`}>{text}</p>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}

function ClaimAllHistory({ data, account, current }: { data: CompanionData; account: Address | null; current: string | null }) {
  const show = usePopupStore((s) => s.show);
  const history = useClaimAllHistory(account).filter((t) => t.id !== current);
  if (history.length === 0) return null;
  return (
    <section className="following" aria-labelledby="claim-all-history-heading" data-testid="claim-all-history">
      <div className="section-head">
        <h2 id="claim-all-history-heading">Earlier claim-alls</h2>
      </div>
      <ul className="rounds" aria-label="Earlier claim-alls">
        {history.map((t) => (
          <HistoryItem key={t.id} transaction={t} onOpen={() => show({ name: 'claim-all', chainId: t.chainId, transactionId: t.id })} />
        ))}
      </ul>
      {data.follows.length === 0 && <p className="muted small">Follow creators to claim their rounds again.</p>}
    </section>
  );
}

function HistoryItem({ transaction: t, onOpen }: { transaction: TransactionRow; onOpen(): void }) {
  const when = new Date(t.createdAt).toLocaleString();
  return (
    <li className="round" data-testid="claim-all-record" data-status={t.status}>
      <div className="round-main">
        <span className="round-title">{t.label}</span>
        <span className="muted small">
          {chainName(t.chainId)} · {when}
        </span>
      </div>
      <button
        type="button"
        className="small-button"
        onClick={onOpen}
        aria-label={`${STATUS_TEXT[t.status]}: see each round of ${t.label}, ${when}`}
      >
        {STATUS_TEXT[t.status]}
      </button>
    </li>
  );
}

const STATUS_TEXT: Record<TransactionRow['status'], string> = {
  'awaiting-signature': 'In your wallet',
  pending: 'Sent',
  confirmed: 'Confirmed',
  failed: 'Failed',
  cancelled: 'Cancelled',
};
