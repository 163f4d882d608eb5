import type { Address } from 'viem';
import type { Confirmation } from '@/lib/db/rows';
import type { PersonalTokenManifest } from '@/lib/protocol/manifestSchema';
import type { EnsVerdict } from '@/lib/detect/core/ensConfirmation';

/** What the background knows about the creator declared by one tab's page. */
export type TabState =
  | {
      status: 'detected';
      origin: string;
      tokenId: string;
      chainId: number;
      chainName: string;
      address: Address;
      confirmation: Confirmation;
      creatorName: string | null;
      creatorDescription: string | null;
      /** The validated manifest, or null when the page declares only the token. */
      manifest: PersonalTokenManifest | null;
      /** Recognised from the tab's URL alone: the site is listed, and the page declares nothing. */
      listedDomain?: true;
      /** The on-chain route (ENS): who confirmed it, or why it did not (lib/detect/core/ensConfirmation.ts). */
      ens?: EnsVerdict;
      /** Lookalike warnings, as sentences to show before any signature (lib/detect/core/lookalikes.ts). */
      warnings?: string[];
    }
  | {
      status: 'invalid';
      origin: string;
      /** Each problem as a sentence the holder (or the creator) can act on. */
      problems: string[];
    };
