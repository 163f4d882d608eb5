import { detectDeclaration } from '@/lib/detect/content/detectDeclaration';

// The all-pages content script. Declared in wxt.config.ts as a plain content script rather
// than a WXT content-script entrypoint: WXT's content-script context (location watchers,
// messaging) would be ~3 KB of code and work on every page, and this script needs none of it.
export default defineUnlistedScript(() => {
  void detectDeclaration();
});
