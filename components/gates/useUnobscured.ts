import { useCallback, useEffect, useRef } from 'react';

// Clickjacking: any page may embed our page frame, then fade it, cover it or move it under the
// pointer to catch a click meant for something else. Where the browser can tell (Chromium's
// IntersectionObserver v2, `trackVisibility`), a button counts a click only once it has been
// fully visible, unfaded and uncovered, for a moment. Elsewhere the wallet's own prompt remains
// the holder's check.

/** How long a button must have been seen before a click on it counts. */
const SEEN_FOR_MS = 400;

type VisibilityInit = IntersectionObserverInit & { trackVisibility?: boolean; delay?: number };

const supported = () => typeof IntersectionObserverEntry !== 'undefined' && 'isVisible' in IntersectionObserverEntry.prototype;

/** `watch` as a button's ref; `seen(button)` says whether a click on it counts now. */
export function useUnobscured(): { watch: (element: HTMLElement | null) => void; seen: (element: EventTarget | null) => boolean } {
  /** Per button: since when it has been seen, null while it is not. */
  const since = useRef(new Map<Element, number | null>());
  const observer = useRef<IntersectionObserver | null>(null);
  useEffect(() => () => observer.current?.disconnect(), []);
  const watch = useCallback((element: HTMLElement | null) => {
    if (!element || !supported() || since.current.has(element)) return;
    if (!observer.current) {
      const init: VisibilityInit = { threshold: [1], trackVisibility: true, delay: 100 };
      observer.current = new IntersectionObserver((entries) => {
        for (const entry of entries) {
          const visible = (entry as IntersectionObserverEntry & { isVisible?: boolean }).isVisible === true;
          since.current.set(entry.target, visible ? (since.current.get(entry.target) ?? performance.timeOrigin + entry.time) : null);
        }
      }, init);
    }
    since.current.set(element, null);
    observer.current.observe(element);
  }, []);
  const seen = useCallback((element: EventTarget | null) => {
    if (!supported()) return true;
    const from = element instanceof Element ? since.current.get(element) : null;
    return typeof from === 'number' && Date.now() - from >= SEEN_FOR_MS;
  }, []);
  return { watch, seen };
}
