import { useEffect, useState } from 'react';

/**
 * Counts down from `seconds` once a second and returns the seconds left, 0 at the end. A new
 * `startedAt` (such as a new error) restarts the count.
 */
export function useCountdown(seconds: number | undefined, startedAt: unknown): number {
  const [left, setLeft] = useState(seconds ?? 0);

  useEffect(() => {
    if (!seconds || seconds <= 0) {
      setLeft(0);
      return;
    }
    const end = Date.now() + seconds * 1000;
    setLeft(seconds);
    const timer = setInterval(() => {
      const remaining = Math.max(0, Math.ceil((end - Date.now()) / 1000));
      setLeft(remaining);
      if (remaining === 0) clearInterval(timer);
    }, 1000);
    return () => clearInterval(timer);
  }, [seconds, startedAt]);

  return left;
}
