// RFC 3339 date-time, parsed by hand: Date.parse accepts other formats and rolls 2022-02-31 over
// to March 3rd, and both would let a malformed time through.

const DATE_TIME_RE = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(?:[Zz]|([+-])(\d{2}):(\d{2}))$/;

/**
 * The instant an RFC 3339 date-time names, or null when it is not one (wrong shape, a day the
 * month does not have, hour 24...). A leap second (:60) is refused: JavaScript time has no such instant.
 */
export function parseRfc3339(text: string): Date | null {
  const m = DATE_TIME_RE.exec(text);
  if (!m) return null;
  const [year = NaN, month = NaN, day = NaN, hour = NaN, minute = NaN, second = NaN] = m.slice(1, 7).map(Number);
  const millis = Number((m[7] ?? '').padEnd(3, '0').slice(0, 3));
  const offsetHours = Number(m[9] ?? 0);
  const offsetMinutes = Number(m[10] ?? 0);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 59 || offsetHours > 23 || offsetMinutes > 59) return null;
  const date = new Date(0);
  // setUTCFullYear, not Date.UTC: Date.UTC maps years 0-99 to 1900-1999.
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, millis);
  const sign = m[8] === '-' ? -1 : 1;
  return new Date(date.getTime() - sign * (offsetHours * 60 + offsetMinutes) * 60_000);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}
