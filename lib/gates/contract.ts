import '@/lib/protocol/zodNoEval';
import { z } from 'zod';
import { defineRequest } from '@/lib/messaging/contract';

// Requests of the gates feature. Most come from the in-page companion (our content script on a
// page that declared a token): the page is untrusted and runs next to that script, so the
// background answers only about the sender tab's own origin, takes that origin from the browser
// (never from the payload), and accepts nothing but these types with schema-checked payloads.

export const gateKindSchema = z.enum(['post', 'link', 'code']);
export type GateKind = z.infer<typeof gateKindSchema>;

/** One gate of the page as the holder sees it. Content is raw: the page frame sanitizes it. */
export const gateViewSchema = z.object({
  gateId: z.string(),
  title: z.string(),
  kind: gateKindSchema,
  /** The threshold in words, e.g. "1 ALEX". */
  requirement: z.string(),
  state: z.enum(['locked', 'unlocked']),
  /** Why it is (again) locked, or a note on unlocked content (e.g. balance not re-checked). */
  note: z.string().nullable(),
  unlocked: z.object({ content: z.string(), address: z.string(), expiresAt: z.number() }).nullable(),
});
export type GateView = z.infer<typeof gateViewSchema>;

/** What the small in-page companion shows for this site's creator. */
export const companionSummarySchema = z.object({
  creatorName: z.string(),
  symbol: z.string().nullable(),
  confirmed: z.boolean(),
  following: z.boolean(),
  /** The address whose holdings are shown (wallet or watch-only), or null when none is set. */
  account: z.string().nullable(),
  /** e.g. "12,500 ALEX", null when unknown. */
  holding: z.string().nullable(),
  /** The holding's value in both units (decimal strings ×1e18), shown in `currency`; null when unknown. */
  holdingValue: z.object({ usdE18: z.string().regex(/^\d+$/).nullable(), wei: z.string().regex(/^\d+$/).nullable() }).nullable(),
  /** The holder's display currency (Settings). */
  currency: z.enum(['USD', 'ETH']),
  /** e.g. "2 rounds to claim", null when nothing is known. */
  income: z.string().nullable(),
  openVotes: z.number().int().nullable(),
  dismissed: z.boolean(),
  /** The ENS name that confirms the token on chain ("alex.eth"), or null. */
  confirmedBy: z.string().nullable().optional(),
  /** Lookalike warnings to read before any signature (lib/detect/core/lookalikes.ts). */
  warnings: z.array(z.string()).optional(),
});
export type CompanionSummary = z.infer<typeof companionSummarySchema>;

/** A wallet the page announced (EIP-6963); name and icon are the page's words. */
export const pageWalletChoiceSchema = z.object({
  uuid: z.string(),
  name: z.string(),
  rdns: z.string(),
  /** A data:image URL, or null. */
  icon: z.string().nullable(),
});
export type PageWalletChoice = z.infer<typeof pageWalletChoiceSchema>;

/** An unlock's outcome: the gate's new view, or the wallets to choose from first. */
export const unlockOutcomeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('view'), view: gateViewSchema }),
  z.object({ kind: z.literal('choose-wallet'), wallets: z.array(pageWalletChoiceSchema) }),
]);
export type UnlockOutcome = z.infer<typeof unlockOutcomeSchema>;

const gateId = z.string().min(1).max(64);
const none = z.strictObject({});

/** Where the content script puts frames: the page learns nothing from it it could not see anyway. */
export const pageLayoutSchema = z.object({
  /** The manifest's gates, and whether each shows unlocked (the page's teaser then steps aside). */
  gates: z.array(z.object({ gateId: z.string(), unlocked: z.boolean() })),
  /** Whether to show the card (the holder did not hide it on this site). */
  card: z.boolean(),
});
export type PageLayout = z.infer<typeof pageLayoutSchema>;

// Two senders about a declaring tab: our content script in the page may only ask where frames go
// (the page can read whatever is rendered into its document, closed shadow roots included); our
// page frame (lib/gates/pageFrame.ts) renders the gates and the card and makes every other request.
export const gatesRequests = {
  /** Which gates and whether the card: answered before anything slow. */
  'page-layout': defineRequest({ sender: 'declaring-page', input: none, output: pageLayoutSchema }),
  /** One gate of the page as the holder sees it, unlocked where a session holds. */
  'frame-gate': defineRequest({ sender: 'declaring-frame', input: z.strictObject({ gateId }), output: gateViewSchema }),
  /** The companion card's figures, after a short refresh from the chain. */
  'companion-summary': defineRequest({ sender: 'declaring-frame', input: none, output: companionSummarySchema }),
  /**
   * Unlocks one gate: the page's wallet signs a proof the extension built. With several wallets in
   * the page and no remembered choice, answers the choice first; `walletUuid` then names the pick.
   */
  'unlock-gate': defineRequest({
    sender: 'declaring-frame',
    input: z.strictObject({ gateId, walletUuid: z.string().min(1).max(100).optional() }),
    output: unlockOutcomeSchema,
  }),
  /** Forgets the gate's unlock on this site; answers its locked view. */
  'lock-gate': defineRequest({ sender: 'declaring-frame', input: z.strictObject({ gateId }), output: gateViewSchema }),
  'companion-dismiss': defineRequest({ sender: 'declaring-frame', input: z.strictObject({ dismissed: z.boolean() }), output: z.null() }),
  /** Opens the extension's popup for this tab (a small window when the browser cannot open the popup itself). */
  'open-popup': defineRequest({ sender: 'declaring-frame', input: none, output: z.null() }),
  /** From the popup: shows the in-page companion card again on the tab's site (from its next page load). */
  'show-page-card': defineRequest({ sender: 'popup', input: z.strictObject({ tabId: z.number().int().nonnegative() }), output: z.null() }),
};
