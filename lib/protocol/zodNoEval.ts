// zod/mini's config is zod's (one core): importing it here keeps zod itself out of bundles that
// use only zod/mini (the service worker's start script).
import { z } from 'zod/mini';

// MV3 extension pages forbid `new Function`. Zod 4 compiles a fast path for object schemas with
// `new Function` unless `jitless` is set, and it reads the flag when a schema is *constructed*
// (and skips its eval probe entirely under jitless, so no CSP violation is even reported). This
// module is imported first by every module here that builds a schema, so the flag is set before
// any of them exists. Other folders that build zod schemas should import it first too.
z.config({ jitless: true });

/** Per-parse guard as well, in case a schema was built before this module ran. */
export const NO_EVAL = { jitless: true } as const;
