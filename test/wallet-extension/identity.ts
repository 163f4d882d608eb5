// The test wallet's fixed identity. Chromium derives an unpacked extension's id from the manifest
// `key` (the first 128 bits of SHA-256 of the DER public key, as letters a–p), so the id stays the
// same wherever the build is loaded from, like a store install of MetaMask. The key pair was made
// once with node:crypto (RSA 2048); only the public half exists: nothing here is ever packed or
// signed. lib/wallet/metamaskId.test.ts checks that the id below follows from the key.

export const TEST_WALLET_PUBLIC_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAxC/SUwy6Jex9D/hGqePMb6V44aTg/jAeHg4Ki42djbap75hdFkMyZKT4Xi93IyUiJ9NpiIzMXUNv2ayZ0OuFtVL5f+GU0mAX5atGi8D8yfwaR1qvgLXQDcKin4vYI2d6+Y6ebyXStrbUb1UovnuTNKox578ow058OiH81bcaa7JjrsYeAwbKDwEXtYtVYOGnjAc00DKsYfy8Th/bdx4T4Nq4+HdXSk6ttE/aMLDzEb2Nu+zSUjbXdzGFlqkMn2Mblglnee4A2lWBmwow5bn4vaF3FjZ8r/B2zpeBkBY+6Cu8ZycZDnG3aJi2X82xYS0xfWohwTdYXXyrXJIneZTTawIDAQAB';

export const TEST_WALLET_ID = 'kdpnpjmkapimhecgldpofpdiiglbdkel';

/** Its id in Firefox, where add-ons are named by their gecko id (see build.ts). */
export const TEST_WALLET_GECKO_ID = 'test-wallet@personal-token.dev';

/** How the test wallet names itself in EIP-6963 announcements. */
export const TEST_WALLET_RDNS = 'dev.personal-token.test-wallet';
export const TEST_WALLET_NAME = 'Test Wallet';
