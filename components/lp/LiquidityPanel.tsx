import { useState } from 'react';
import type { Address } from 'viem';
import type { LpView, ProgramView, TransactionRow } from '@/lib/db/rows';
import type { HoldingView } from '@/lib/holdings/core/holdingView';
import { moneyFromWei } from '@/lib/format/money';
import { useMoney } from '@/lib/settings/ui/currency';
import { sendRequest } from '@/lib/messaging/requests';
import { formatChange, formatEthE18, formatTokenAmount } from '@/lib/format/format';
import { useNow } from '@/lib/app/ui/useNow';
import { useCreatorIncome } from '@/lib/income/ui/useCreatorIncome';
import { TransactionStatus } from '../wallet/TransactionStatus';
import { holderMessage } from '@/lib/errors/baseError';

interface LiquidityPanelProps {
  tokenId: string;
  account: Address;
  canSend: boolean;
  holding: HoldingView | null;
}

/** LP positions (wallet and staked), what they are made of, rewards earned and estimated. */
export function LiquidityPanel({ tokenId, account, canSend, holding }: LiquidityPanelProps) {
  const { income, transactions } = useCreatorIncome(account, tokenId);
  if (!income || (income.positions.length === 0 && income.programs.length === 0)) return null;
  const decimals = holding?.decimals ?? 18;
  const symbol = holding?.symbol ?? '';
  const ethUsd = holding && holding.priceEthE18 && holding.priceUsdE18 ? (holding.priceUsdE18 * 10n ** 18n) / holding.priceEthE18 : null;
  return (
    <div className="liquidity">
      {income.positions.map((position) => (
        <Position
          key={position.pair}
          tokenId={tokenId}
          position={position}
          decimals={decimals}
          symbol={symbol}
          ethUsd={ethUsd}
          canSend={canSend}
          latest={
            transactions
              .filter((t) => t.tokenId === tokenId && t.subject === position.staking?.address.toLowerCase())
              .sort((a, b) => b.createdAt - a.createdAt)[0]
          }
        />
      ))}
      {income.programs.map((program) => (
        <Program key={program.id} program={program} decimals={decimals} symbol={symbol} />
      ))}
    </div>
  );
}

interface PositionProps {
  tokenId: string;
  position: LpView;
  decimals: number;
  symbol: string;
  ethUsd: bigint | null;
  canSend: boolean;
  latest: TransactionRow | undefined;
}

function Position({ tokenId, position, decimals, symbol, ethUsd, canSend, latest }: PositionProps) {
  const [error, setError] = useState<string | null>(null);
  const now = useNow(60_000);
  const money = useMoney();
  const value = BigInt(position.valueWei);
  const staking = position.staking;
  const busy = latest?.status === 'awaiting-signature' || latest?.status === 'pending';
  const collect = async () => {
    if (!staking) return;
    setError(null);
    try {
      await sendRequest('collect-rewards', { tokenId, staking: staking.address });
    } catch (e) {
      setError(holderMessage(e));
    }
  };
  return (
    <section className="card" aria-label={`${symbol}/ETH liquidity`} data-testid="lp-position">
      <h3 className="small-heading">{symbol}/ETH pool</h3>
      <dl className="figures">
        <div>
          <dt>Your LP</dt>
          <dd data-testid="lp-amounts">
            {formatTokenAmount(BigInt(position.lpInWallet), 18)} in wallet · {formatTokenAmount(BigInt(position.lpStaked), 18)} staked
          </dd>
        </div>
        <div>
          <dt>Pool share</dt>
          <dd>{formatChange(Number((BigInt(position.shareE18) * 10_000n) / 10n ** 18n)).replace('+', '')}</dd>
        </div>
        <div>
          <dt>Made of</dt>
          <dd data-testid="lp-underlying">
            {formatTokenAmount(BigInt(position.tokenAmount), decimals)} {symbol} + {formatEthE18(BigInt(position.ethAmount))}
          </dd>
        </div>
        <div>
          <dt>Value</dt>
          <dd>{money.format(moneyFromWei(value, ethUsd))}</dd>
        </div>
        <div>
          <dt>vs holding</dt>
          <dd data-testid="lp-il">
            {position.impermanentLossBps === null ? <span className="muted">From now on</span> : formatChange(position.impermanentLossBps)}
          </dd>
        </div>
        {staking && (
          <div>
            <dt>Rewards earned</dt>
            <dd data-testid="lp-earned">
              {formatTokenAmount(BigInt(staking.earned), decimals)} {staking.rewardSymbol}
            </dd>
          </div>
        )}
      </dl>
      {staking && (
        <>
          <p className="muted small">
            {staking.yearlyRateBps !== null
              ? `About ${formatChange(Number(staking.yearlyRateBps)).replace('+', '')} a year at today's rate · `
              : ''}
            {staking.periodFinish * 1000 > now ? `ends ${new Date(staking.periodFinish * 1000).toLocaleDateString()}` : 'ended'}
          </p>
          <div className="actions">
            <button
              type="button"
              className="primary small-button"
              disabled={!canSend || busy || BigInt(staking.earned) === 0n}
              onClick={() => void collect()}
            >
              {busy ? 'Collecting…' : `Collect ${symbol} staking rewards`}
            </button>
          </div>
        </>
      )}
      {latest && <TransactionStatus transaction={latest} />}
      {error && (
        <p className="error small" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}

function Program({ program, decimals, symbol }: { program: ProgramView; decimals: number; symbol: string }) {
  return (
    <section className="card" aria-label={program.title} data-testid="snapshot-program">
      <h3 className="small-heading">{program.title}</h3>
      <p className="small">
        Estimated{' '}
        <strong data-testid="program-estimate">
          {formatTokenAmount(BigInt(program.estimate), decimals)} {symbol}
        </strong>{' '}
        of {formatTokenAmount(BigInt(program.amount), decimals)} {symbol}, from your liquidity at blocks{' '}
        {program.startBlock.toLocaleString()} and {program.endBlock.toLocaleString()}
        {program.ended ? '' : ' (the current block until the program ends)'}.
      </p>
    </section>
  );
}
