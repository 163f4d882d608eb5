import type { Confirmation } from '@/lib/db/rows';

/** What the background knows about the creator declared by one tab's page. */
export type TabState =
  | {
      status: 'detected';
      origin: string;
      tokenId: string;
      chainId: number;
      chainName: string;
      address: `0x${string}`;
      confirmation: Confirmation;
      creatorName: string | null;
      creatorDescription: string | null;
      /** The validated manifest, or null when the page declares only the token. */
      manifest: unknown;
    }
  | {
      status: 'invalid';
      origin: string;
      /** Each problem as a sentence the holder (or the creator) can act on. */
      problems: string[];
    };
