import type { Address } from 'viem';
import type { Confirmation } from '@/lib/db/rows';
import type { PersonalTokenManifest } from '@/lib/protocol/manifestSchema';

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
    }
  | {
      status: 'invalid';
      origin: string;
      /** Each problem as a sentence the holder (or the creator) can act on. */
      problems: string[];
    };
