import type { HoldingView } from '@/lib/holdings/core/holdingView';
import { formatChange, formatTokenAmount } from '@/lib/format/format';
import { priceMoney, valueMoney } from '@/lib/holdings/core/holdingView';
import { useMoney, type MoneyFormat } from '@/lib/settings/ui/currency';
import type { Money } from '@/lib/format/money';
import { describePriceSource } from '@/lib/holdings/core/describePriceSource';

/** Balance, value, price and change of one holding, as a definition list. */
export function HoldingFigures({ view }: { view: HoldingView }) {
  const money = useMoney();
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
      {(view.valueUsdE18 !== null || view.valueWei !== null) && (
        <div>
          <dt>Value</dt>
          <dd data-testid="value">
            <MoneyPair money={money} value={valueMoney(view)} />
          </dd>
        </div>
      )}
      <div>
        <dt>Price</dt>
        <dd data-testid="price">
          {view.priceSource && !view.priceSource.reliable ? (
            <span className="muted">No reliable price</span>
          ) : view.priceEthE18 === null && view.priceUsdE18 === null ? (
            <span className="muted">No Uniswap pool with ETH or USDC</span>
          ) : (
            <MoneyPair money={money} value={priceMoney(view)} />
          )}
        </dd>
      </div>
      {view.priceSource && (
        <div>
          <dt>Price source</dt>
          <dd data-testid="price-source" className="small">
            {describePriceSource(view.priceSource)}
          </dd>
        </div>
      )}
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

/**
 * "$3,750.00 · 1.25 ETH": the display currency first, the other unit muted beside it. When the
 * display currency is not known (no ETH/USD pool on the chain) it says so, and shows the other.
 */
function MoneyPair({ money, value }: { money: MoneyFormat; value: Money }) {
  const missing = money.currency === 'USD' ? value.usdE18 === null : value.wei === null;
  if (missing) {
    const other = money.pair({ usdE18: value.usdE18, wei: value.wei }).main;
    return (
      <>
        <span className="muted">No {money.currency} price</span>
        {other && <span> · {other}</span>}
      </>
    );
  }
  const { main, aside } = money.pair(value);
  return (
    <>
      {main ?? '—'}
      {aside && <span className="muted"> · {aside}</span>}
    </>
  );
}
