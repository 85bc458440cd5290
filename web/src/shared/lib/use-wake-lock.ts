import { useEffect } from 'react';

/**
 * Keeps the screen on while `active`, where the browser offers the Screen Wake Lock API, so a
 * phone does not dim while its owner waits at the till. The lock is taken again when the page
 * becomes visible, since browsers release it when the page is hidden.
 */
export function useScreenWakeLock(active: boolean): void {
  useEffect(() => {
    if (!active || typeof navigator === 'undefined' || !('wakeLock' in navigator)) return;
    let lock: WakeLockSentinel | null = null;
    let cancelled = false;
    const acquire = async () => {
      if (document.visibilityState !== 'visible') return;
      try {
        const acquired = await navigator.wakeLock.request('screen');
        if (cancelled) void acquired.release();
        else lock = acquired;
      } catch {
        // Refused (battery saver, no user gesture yet): the screen simply dims as usual.
      }
    };
    void acquire();
    document.addEventListener('visibilitychange', acquire);
    return () => {
      cancelled = true;
      document.removeEventListener('visibilitychange', acquire);
      void lock?.release();
    };
  }, [active]);
}
