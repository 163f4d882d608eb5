// The page frame: an extension page (entrypoints/page-frame) the in-page content script shows in
// an iframe for each gate and for the card. What it renders (holdings, values, unlocked content)
// stays out of the page's document, where `window.find` and the like could read it.

/** Its path (web_accessible_resources); the background checks requests come from it. */
export const PAGE_FRAME_PATH = '/page-frame.html';

/** What a page frame tells the content script that placed it (posted to the page: public facts only). */
export interface FrameNotice {
  ptcFrame: string;
  height: number;
  /** Gates: whether it shows unlocked (the teaser steps aside). */
  unlocked?: boolean;
  /** The card: the holder hid it on this site. */
  dismissed?: boolean;
}
