import { formatUnits } from 'viem';

// Display formatting for the holder's locale. Inputs are bigint base units or 1e18 fixed
// point; Intl formats decimal strings exactly, so nothing goes through a float first.
type DecimalString = `${number}`;

// A positive amount smaller than the last digit shown is never shown as 0 (a gate of 1 wei read
// "Hold 0 ALEX"): it reads "less than 0.000001", the smallest amount the format shows.
function withFloor(amount: bigint, decimals: number, digits: number, format: (value: DecimalString) => string): string {
  const smallest = decimals > digits ? 10n ** BigInt(decimals - digits) : 1n;
  if (amount > 0n && amount < smallest) return `less than ${format(formatUnits(smallest, decimals) as DecimalString)}`;
  return format(formatUnits(amount, decimals) as DecimalString);
}

export function formatTokenAmount(amount: bigint, decimals: number, locale?: string): string {
  const maximumFractionDigits = amount !== 0n && amount < 10n ** BigInt(decimals) ? 6 : 2;
  return withFloor(amount, decimals, maximumFractionDigits, (v) => new Intl.NumberFormat(locale, { maximumFractionDigits }).format(v));
}

/**
 * A threshold (a gate's minimum), to the last base unit: rounded, 1.0000001 would read "1" and a
 * holder of 1 would think it enough. Digits are grouped for the locale; the fraction is not cut.
 */
export function formatTokenAmountExact(amount: bigint, decimals: number, locale?: string): string {
  const [whole = '0', fraction] = formatUnits(amount, decimals).split('.');
  const numbers = new Intl.NumberFormat(locale);
  const separator = numbers.formatToParts(1.5).find((p) => p.type === 'decimal')?.value ?? '.';
  const grouped = numbers.format(BigInt(whole));
  return fraction ? `${grouped}${separator}${fraction}` : grouped;
}

export function formatUsdE18(amount: bigint, locale?: string): string {
  const small = amount !== 0n && amount < 10n ** 16n * 100n; // under one dollar: show more digits
  const format = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: 'USD',
    maximumFractionDigits: small ? 4 : 2,
    minimumFractionDigits: 2,
  });
  return withFloor(amount, 18, small ? 4 : 2, (v) => format.format(v));
}

export function formatEthE18(amount: bigint, locale?: string): string {
  const digits = amount !== 0n && amount < 10n ** 15n ? 8 : 4;
  return `${withFloor(amount, 18, digits, (v) => new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(v))} ETH`;
}

/** "+2.50%" / "−1.20%" from basis points, with a real minus sign. */
export function formatChange(basisPoints: number, locale?: string): string {
  return new Intl.NumberFormat(locale, {
    style: 'percent',
    signDisplay: 'exceptZero',
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(basisPoints / 10_000);
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
