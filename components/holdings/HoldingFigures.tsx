import type { HoldingView } from '@/lib/holdings/core/holdingView';
import { formatChange, formatEthE18, formatTokenAmount, formatUsdE18 } from '@/lib/format/format';

/** Balance, value, price and change of one holding, as a definition list. */
export function HoldingFigures({ view }: { view: HoldingView }) {
  return (
    <dl className="figures">
      {view.balance !== null && (
        <div>
          <dt>Balance</dt>
          <dd data-testid="balance">
            {formatTokenAmount(view.balance, view.decimals)} {view.symbol}
          </dd>
        </div>
      )}
      {view.valueUsdE18 !== null && view.valueWei !== null && (
        <div>
          <dt>Value</dt>
          <dd data-testid="value">
            {formatUsdE18(view.valueUsdE18)} <span className="muted">· {formatEthE18(view.valueWei)}</span>
          </dd>
        </div>
      )}
      <div>
        <dt>Price</dt>
        <dd data-testid="price">
          {view.priceEthE18 === null ? (
            <span className="muted">No Uniswap pool with ETH</span>
          ) : (
            <>
              {view.priceUsdE18 !== null && formatUsdE18(view.priceUsdE18)}{' '}
              <span className="muted">· {formatEthE18(view.priceEthE18)}</span>
            </>
          )}
        </dd>
      </div>
      <div>
        <dt>Since your last look</dt>
        <dd data-testid="change">
          <ChangeText basisPoints={view.changeBasisPoints} />
        </dd>
      </div>
    </dl>
  );
}

export function ChangeText({ basisPoints }: { basisPoints: number | null }) {
  if (basisPoints === null) return <span className="muted">First look</span>;
  const tone = basisPoints > 0 ? 'up' : basisPoints < 0 ? 'down' : 'flat';
  return <span className={`change ${tone}`}>{formatChange(basisPoints)}</span>;
}
