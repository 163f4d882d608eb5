/**
 * The fields of an EIP-4361 (Sign-In with Ethereum) message. Times stay the RFC 3339 strings
 * that were signed, so a parsed message rebuilds byte for byte.
 */
export interface SiweFields {
  /** RFC 3986 scheme of the requesting origin; absent means https. */
  scheme?: string;
  /** RFC 3986 authority (host[:port]) that asks for the sign-in. */
  domain: string;
  /** EIP-55 checksummed. */
  address: string;
  /** One line of the ASCII the ABNF allows; absent means no statement line at all. */
  statement?: string;
  uri: string;
  version: '1';
  chainId: number;
  /** At least 8 letters or digits. */
  nonce: string;
  issuedAt: string;
  expirationTime?: string;
  notBefore?: string;
  requestId?: string;
  resources?: string[];
}
