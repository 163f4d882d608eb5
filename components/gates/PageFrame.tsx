import { useCallback, useEffect, useRef, useState } from 'react';
import type { CompanionSummary, GateView } from '@/lib/gates/contract';
import type { FrameNotice } from '@/lib/gates/pageFrame';
import { sendFrameRequest } from '@/lib/messaging/requests';
import { CurrencyProvider } from '@/lib/settings/ui/currency';
import { CompanionCard } from './CompanionCard';
import { GatePanel } from './GatePanel';

// The page frame: an extension page the in-page companion shows in an iframe where a gate or the
// card goes. The creator's page cannot read inside it (another origin: no DOM access, and its
// `window.find` does not search it), so holdings, values and unlocked content are rendered here
// only. It asks the background itself; the background knows the tab from the browser.
// The page chooses nothing but this frame's place and the gate id in its URL, which it knows.

export type FrameTarget = { kind: 'gate'; gateId: string } | { kind: 'card' };

export function frameTarget(hash: string): FrameTarget | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const gateId = params.get('gate');
  if (gateId && gateId.length <= 64) return { kind: 'gate', gateId };
  return params.has('card') ? { kind: 'card' } : null;
}

/** Only as a direct child of the tab's page: not as a tab of its own, not nested in some other site's frame. */
function embeddedInTopPage(): boolean {
  return window.top !== window && window.parent === window.top;
}

type Facts = Pick<FrameNotice, 'unlocked' | 'dismissed'>;

/** Tells the content script that placed this frame its height and public state; the page sees this too. */
function useNotices(root: React.RefObject<HTMLDivElement | null>): (facts: Facts) => void {
  const facts = useRef<Facts>({});
  const height = useRef(0);
  const post = useCallback(() => {
    const notice: FrameNotice = { ptcFrame: 'v1', height: height.current, ...facts.current };
    const parentOrigin = (location as Location & { ancestorOrigins?: DOMStringList }).ancestorOrigins?.[0] ?? '*';
    window.parent.postMessage(notice, parentOrigin);
  }, []);
  useEffect(() => {
    const element = root.current;
    if (!element) return;
    const observer = new ResizeObserver(() => {
      const next = Math.ceil(element.getBoundingClientRect().height);
      if (next === height.current) return;
      height.current = next;
      post();
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [root, post]);
  return useCallback(
    (more: Facts) => {
      facts.current = { ...facts.current, ...more };
      post();
    },
    [post],
  );
}

export function PageFrame() {
  const [target] = useState(() => (embeddedInTopPage() ? frameTarget(location.hash) : null));
  const root = useRef<HTMLDivElement>(null);
  const notify = useNotices(root);
  return (
    <div ref={root} className={target?.kind === 'card' ? 'ptc-frame-root ptc-frame-card' : 'ptc-frame-root'}>
      {target?.kind === 'gate' ? <GateFrame gateId={target.gateId} notify={notify} /> : null}
      {target?.kind === 'card' ? <CardFrame notify={notify} /> : null}
    </div>
  );
}

function GateFrame({ gateId, notify }: { gateId: string; notify: (facts: Facts) => void }) {
  const [view, setView] = useState<GateView | null>(null);
  useEffect(() => {
    sendFrameRequest('frame-gate', { gateId }).then(
      (loaded) => {
        setView(loaded);
        notify({ unlocked: loaded.state === 'unlocked' });
      },
      () => setView(null), // the page withdrew its declaration, or no such gate: show nothing
    );
  }, [gateId, notify]);
  return view ? <GatePanel initial={view} onUnlockedChange={(unlocked) => notify({ unlocked })} /> : null;
}

function CardFrame({ notify }: { notify: (facts: Facts) => void }) {
  const [summary, setSummary] = useState<CompanionSummary | null>(null);
  useEffect(() => {
    sendFrameRequest('companion-summary', {}).then(
      (loaded) => {
        if (loaded.dismissed) return notify({ dismissed: true });
        setSummary(loaded);
      },
      () => setSummary(null),
    );
  }, [notify]);
  return summary ? (
    <CurrencyProvider currency={summary.currency}>
      <CompanionCard summary={summary} onDismiss={() => notify({ dismissed: true })} />
    </CurrencyProvider>
  ) : null;
}
