import { DEVNET_A } from '../../lib/chain/devnet';
import { DEVNET_ENS } from '../../lib/detect/core/ensDevnet';
import { ALEX, caip19 } from './creators';
import { esc, page } from './html';
import { htmlRoute, type Route } from './routes';

// Pages for the on-chain (ENS) route and the lookalike warnings (test/devnet/deployEns.ts):
// on Alex's site, a page for his creator coin (confirmed by alex.eth) and a page without tags
// (recognised from the list alone); on the other site, a copy of $ALEX.

export const ENS_PATHS = { alexCoin: '/coin', alexNoTags: '/about-me', lookalike: '/alex-official' } as const;

const tagOnly = (token: string) => `<meta name="personal-token" content="${esc(token)}">`;

function simplePage(title: string, heading: string, text: string, head = ''): Route {
  return htmlRoute(
    page({
      title,
      head,
      accent: ALEX.accent,
      body: `<main><header class="hero"><div class="avatar" aria-hidden="true">AM</div><div><h1>${esc(heading)}</h1><p class="tagline">${esc(text)}</p></div></header></main>`,
    }),
  );
}

export function alexEnsRoutes(): [string, Route][] {
  return [
    [
      ENS_PATHS.alexCoin,
      simplePage(
        'Alex Masmej Coin · $MASMEJ',
        'Alex Masmej Coin',
        'My creator coin. Its owner is my address, whose ENS name alex.eth names this site.',
        tagOnly(caip19(DEVNET_A.chainId, DEVNET_ENS.alexCoin)),
      ),
    ],
    [ENS_PATHS.alexNoTags, simplePage('About me · Alex Masmej', 'About me', 'A page of my site with no personal-token tags at all.')],
  ];
}

/** On the other site: a page that copies Alex's look, name and symbol with another contract. */
export function lookalikeRoutes(): [string, Route][] {
  return [
    [
      ENS_PATHS.lookalike,
      simplePage(
        'Alex Masmej · $ALEX (official)',
        'Alex Masmej — official $ALEX',
        'Buy $ALEX here before the price goes up!',
        tagOnly(caip19(DEVNET_A.chainId, DEVNET_ENS.lookalikeToken)),
      ),
    ],
  ];
}
