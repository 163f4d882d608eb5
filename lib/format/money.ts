import { formatEthE18, formatUsdE18 } from './format';

// Values in the holder's display currency. A value is carried in both units when known: in ETH
// (wei) from the pool price of the token, and in USD from that times the ETH/USD pool price read in
// the same multicall. So "in ETH" is always the USD figure divided by that same ETH/USD price.

export type Currency = 'USD' | 'ETH';
export const CURRENCIES: readonly Currency[] = ['USD', 'ETH'];

/** A value in both units (×1e18), each null when it is not known. */
export interface Money {
  usdE18: bigint | null;
  wei: bigint | null;
}

const E18 = 10n ** 18n;

/** A USD amount (×1e18) with the ETH/USD price (×1e18) it was read with. */
export function moneyFromUsd(usdE18: bigint | null, ethUsdE18: bigint | null): Money {
  return { usdE18, wei: usdE18 !== null && ethUsdE18 ? (usdE18 * E18) / ethUsdE18 : null };
}

/** An ETH amount (wei) with the ETH/USD price (×1e18) read with it. */
export function moneyFromWei(wei: bigint | null, ethUsdE18: bigint | null): Money {
  return { wei, usdE18: wei !== null && ethUsdE18 !== null ? (wei * ethUsdE18) / E18 : null };
}

/** Sum per unit of what is known; a unit nobody knows stays null. */
export function sumMoney(values: Money[]): Money {
  const add = (pick: (m: Money) => bigint | null) =>
    values.reduce<bigint | null>((sum, m) => {
      const v = pick(m);
      return v === null ? sum : (sum ?? 0n) + v;
    }, null);
  return { usdE18: add((m) => m.usdE18), wei: add((m) => m.wei) };
}

function formatIn(value: Money, currency: Currency, locale?: string): string | null {
  if (currency === 'ETH') return value.wei === null ? null : formatEthE18(value.wei, locale);
  return value.usdE18 === null ? null : formatUsdE18(value.usdE18, locale);
}

const other = (currency: Currency): Currency => (currency === 'USD' ? 'ETH' : 'USD');

/** The value in `currency`; in the other unit when only that one is known; null when neither. */
export function formatMoney(value: Money, currency: Currency, locale?: string): string | null {
  return formatIn(value, currency, locale) ?? formatIn(value, other(currency), locale);
}

/** The value in `currency` first, and the other unit beside it (null when unknown). */
export function formatMoneyPair(value: Money, currency: Currency, locale?: string): { main: string | null; aside: string | null } {
  const main = formatMoney(value, currency, locale);
  const aside = formatIn(value, other(currency), locale);
  return { main, aside: main === aside ? null : aside };
}
