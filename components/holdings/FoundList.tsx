import type { FoundToken } from '@/lib/holdings/core/foundInWallet';
import { formatTokenAmount } from '@/lib/format/format';
import { useMoney } from '@/lib/settings/ui/currency';

/** Creator tokens of the enabled lists found in the wallet, not followed yet: one click to follow. */
export function FoundList({ found, onFollow }: { found: FoundToken[]; onFollow(tokenId: string): void }) {
  const money = useMoney();
  return (
    <ul className="holdings" aria-label="Creator tokens found in your wallet">
      {found.map((token) => (
        <li key={token.tokenId} className="holding-row" data-testid="found-row" data-token={token.tokenId}>
          <div className="avatar small" aria-hidden="true">
            {token.name.slice(0, 1).toUpperCase()}
          </div>
          <div className="holding-main">
            <span className="holding-name">{token.name}</span>
            <span className="muted small">
              {formatTokenAmount(token.balance, token.decimals)} {token.symbol} · {token.listName}
            </span>
          </div>
          <div className="holding-value">
            <span>{money.format({ usdE18: token.valueUsdE18, wei: token.valueWei })}</span>
          </div>
          <button
            type="button"
            className="secondary small-button"
            aria-label={`Follow ${token.name}`}
            onClick={() => onFollow(token.tokenId)}
          >
            Follow
          </button>
        </li>
      ))}
    </ul>
  );
}
