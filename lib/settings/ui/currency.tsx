import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { formatMoney, formatMoneyPair, type Currency, type Money } from '@/lib/format/money';

// The display currency, from the settings (popup and side panel) or from the in-page card's
// summary. Every value the UI shows goes through useMoney, so one choice changes all of them.

const CurrencyContext = createContext<Currency>('USD');

export function CurrencyProvider({ currency, children }: { currency: Currency; children: ReactNode }) {
  return <CurrencyContext.Provider value={currency}>{children}</CurrencyContext.Provider>;
}

export interface MoneyFormat {
  currency: Currency;
  /** The value in the chosen currency ('—' when not known). */
  format(value: Money): string;
  /** The chosen currency first, the other unit beside it. */
  pair(value: Money): { main: string | null; aside: string | null };
}

export function useMoney(): MoneyFormat {
  const currency = useContext(CurrencyContext);
  return useMemo(
    () => ({
      currency,
      format: (value) => formatMoney(value, currency) ?? '—',
      pair: (value) => formatMoneyPair(value, currency),
    }),
    [currency],
  );
}
