// Sign-In with Ethereum (EIP-4361), built and checked here, strictly. Pure: no browser or network
// imports, so it runs in the background, the popup, Node tests and the test wallet alike.

export type { SiweFields } from './types';
export { SiweError, type SiweReason } from './siweError';
export { buildSiweMessage } from './buildSiweMessage';
export { toSiweStatementText } from './toSiweStatementText';
export { parseSiweMessage } from './parseSiweMessage';
export { verifySiweMessage, type VerifySiweMessageParameters, type VerifySiweMessageReturnType } from './verifySiweMessage';
export { checkSiweOrigin, type SiweOriginCheck } from './siweOrigin';
