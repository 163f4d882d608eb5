import type { DemoGate } from './types';

// Alex's gated content, served by his site's gate endpoint (gateEndpoint.ts) at GATES_PATH.
// Tests import the exact strings from here.

/** Where a creator site mounts its gate endpoint; the manifest's `endpoint` is `${origin}${GATES_PATH}`. */
export const GATES_PATH = '/gates';

const ALEX = 10n ** 18n;

const MONTHLY_NOTES_POST = `<h2>November: three experiments, one failure</h2>
<p>Thank you for holding <strong>$ALEX</strong>. Every month I write down what I built, what I earned and what I got wrong, and only holders read it.</p>
<ul>
<li><strong>Income:</strong> consulting and the newsletter brought in $6,200 this month; 15% of it goes into the next distribution round.</li>
<li><strong>Running:</strong> 30 days out of 30, 152 km in total. The habit you voted for is holding.</li>
<li><strong>Building:</strong> the holders' dashboard is in private beta with twelve of you.</li>
</ul>
<blockquote><p>Selling a piece of yourself makes you accountable to people who are not your friends. That is the point.</p></blockquote>
<p>The failure: I tried to write <em>every</em> morning and managed eleven. December's vote decides whether I try again. The full accounts are on <a href="https://example.com">example.com</a>.</p>
<p><em>See you in the chat, Alex</em></p>`;

export const ALEX_GATES = {
  monthlyNotes: {
    id: 'monthly-notes',
    title: 'Monthly notes — November',
    kind: 'post',
    minBalance: 1n * ALEX,
    teaser: 'What I built, earned and got wrong this month, written for holders.',
    content: MONTHLY_NOTES_POST,
    visibleText: 'November: three experiments, one failure',
  },
  holdersChat: {
    id: 'holders-chat',
    title: 'Private holders chat',
    kind: 'link',
    minBalance: 1n * ALEX,
    teaser: 'The Telegram group where holders talk with me every day.',
    content: 'https://t.me/+AlexHoldersDemo',
    visibleText: 'https://t.me/+AlexHoldersDemo',
  },
  merchDiscount: {
    id: 'merch-discount',
    title: '20% off Alex merch',
    kind: 'code',
    minBalance: 100n * ALEX,
    teaser: 'A code for the store: hoodies, mugs and the 5 km running shirt.',
    content: 'ALEX-HOLDER-20',
    visibleText: 'ALEX-HOLDER-20',
  },
  hourWithAlex: {
    id: 'hour-with-alex',
    title: 'Book an hour with Alex',
    kind: 'link',
    minBalance: 25_000n * ALEX,
    teaser: 'One hour of my time on a call, about whatever you want.',
    content: 'https://cal.example/alex-hour',
    visibleText: 'https://cal.example/alex-hour',
  },
} as const satisfies Record<string, DemoGate>;

/** In page and manifest order. */
export const ALEX_GATE_LIST: readonly DemoGate[] = Object.values(ALEX_GATES);

/** Alex's gate endpoint when his site runs at `origin` (http://localhost:4101 by default). */
export function alexGatesEndpoint(origin: string): string {
  return `${origin}${GATES_PATH}`;
}
