// Which extension `createExternalExtensionProvider` connects to. wxt.config.ts decides it at build
// time: release builds get 'stable', which @metamask/providers resolves to MetaMask's real id for
// the browser (Chrome nkbihfbeogaeaoehlefnkodbefgpgknn, Edge and Firefox their own) and no
// environment can change it; devnet builds get WXT_METAMASK_ID, by default the test wallet's id.
declare const __PTC_METAMASK_EXTENSION__: string | undefined;

export const METAMASK_EXTENSION: string = typeof __PTC_METAMASK_EXTENSION__ === 'string' ? __PTC_METAMASK_EXTENSION__ : 'stable';
