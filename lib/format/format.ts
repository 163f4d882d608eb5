import { formatUnits } from 'viem';

// Display formatting for the holder's locale. Inputs are bigint base units or 1e18 fixed
// point; Intl formats decimal strings exactly, so nothing goes through a float first.
type DecimalString = `${number}`;

export function formatTokenAmount(amount: bigint, decimals: number, locale?: string): string {
  const maximumFractionDigits = amount !== 0n && amount < 10n ** BigInt(decimals) ? 6 : 2;
  return new Intl.NumberFormat(locale, { maximumFractionDigits }).format(formatUnits(amount, decimals) as DecimalString);
}

export function formatUsdE18(amount: bigint, locale?: string): string {
  const small = amount !== 0n && amount < 10n ** 16n * 100n; // under one dollar: show more digits
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: 'USD',
    maximumFractionDigits: small ? 4 : 2,
    minimumFractionDigits: 2,
  }).format(formatUnits(amount, 18) as DecimalString);
}

export function formatEthE18(amount: bigint, locale?: string): string {
  const digits = amount !== 0n && amount < 10n ** 15n ? 8 : 4;
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(formatUnits(amount, 18) as DecimalString)} ETH`;
}

/** "+2.50%" / "−1.20%" from basis points, with a real minus sign. */
export function formatChange(basisPoints: number, locale?: string): string {
  return new Intl.NumberFormat(locale, { style: 'percent', signDisplay: 'exceptZero', minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(
    basisPoints / 10_000,
  );
}

export function formatAge(fromMs: number, nowMs: number, locale?: string): string {
  const seconds = Math.max(0, Math.round((nowMs - fromMs) / 1000));
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  if (seconds < 60) return rtf.format(-seconds, 'second');
  if (seconds < 3600) return rtf.format(-Math.round(seconds / 60), 'minute');
  if (seconds < 86_400) return rtf.format(-Math.round(seconds / 3600), 'hour');
  return rtf.format(-Math.round(seconds / 86_400), 'day');
}

/** "in 3 days" / "in 5 minutes": for deadlines. */
export function formatUntil(toMs: number, nowMs: number, locale?: string): string {
  const seconds = Math.max(0, Math.round((toMs - nowMs) / 1000));
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  if (seconds < 3600) return rtf.format(Math.max(1, Math.round(seconds / 60)), 'minute');
  if (seconds < 86_400) return rtf.format(Math.round(seconds / 3600), 'hour');
  return rtf.format(Math.round(seconds / 86_400), 'day');
}

export function shortAddress(address: string): string {
  return `${address.slice(0, 6)}…${address.slice(-4)}`;
}
