import { useEffect, useRef, useState } from 'react';
import type { GateView } from '@/lib/gates/contract';
import { ALLOW_LOCALHOST, safeUnlockedLink } from '@/lib/gates/core/unlockedLink';
import { sanitizeUnlockedHtml } from '@/lib/gates/ui/sanitizeUnlockedHtml';

/** What a gate unlocked, rendered for its kind; the creator's content is never trusted. */
export function UnlockedContent({ kind, content }: { kind: GateView['kind']; content: string }) {
  if (kind === 'post') return <SanitizedPost html={content} />;
  if (kind === 'link') return <UnlockedLink url={content} />;
  return <UnlockedCode code={content} />;
}

function SanitizedPost({ html }: { html: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.replaceChildren(sanitizeUnlockedHtml(html));
  }, [html]);
  return <div className="ptc-post" ref={ref} />;
}

function UnlockedLink({ url }: { url: string }) {
  const safe = safeUnlockedLink(url, ALLOW_LOCALHOST);
  if (!safe) return <p className="ptc-note ptc-error">The creator sent a link the companion will not open (only https links are shown).</p>;
  return (
    <p className="ptc-link">
      <a href={safe} target="_blank" rel="noopener noreferrer nofollow">
        Open {new URL(safe).host}
      </a>
      <span className="ptc-url">{safe}</span>
    </p>
  );
}

function UnlockedCode({ code }: { code: string }) {
  const [copied, setCopied] = useState(false);
  const copy = () => {
    void navigator.clipboard?.writeText(code).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  };
  return (
    <p className="ptc-code">
      <code>{code}</code>
      <button type="button" className="ptc-button ptc-secondary" onClick={copy}>
        {copied ? 'Copied' : 'Copy'}
      </button>
    </p>
  );
}
