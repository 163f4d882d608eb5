import { useEffect, useState } from 'react';

/** The current time, ticking every `intervalMs`: keeps relative times ("5 s ago") honest. */
export function useNow(intervalMs = 1_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
