import type { DeclarationMessage } from '@/lib/detect/declarationMessage';
import type { TabState } from '@/lib/detect/tabState';
import { chainById } from '@/lib/chain/knownChains';
import { InvalidTokenIdError, formatTokenId, parseTokenId } from '@/lib/protocol/caip19';
import { validateManifest } from '@/lib/protocol/validateManifest';
import type { PersonalTokenManifest } from '@/lib/protocol/manifestSchema';
import { confirmationFor, type TokenList } from '@/lib/detect/core/confirmation';

/**
 * Turns what a page declared into the tab's state. Pure: the origin comes from the browser
 * (the sender), never from the page, and the curated list from the extension package.
 */
export function resolveDeclaration(message: DeclarationMessage, origin: string, list: TokenList): TabState {
  const invalid = (problems: string[]): TabState => ({ status: 'invalid', origin, problems });
  if (message.pageError) return invalid([message.pageError]);
  if (!message.token) return invalid(['The page declares a personal token but leaves it empty.']);

  let token;
  try {
    token = parseTokenId(message.token);
  } catch (error) {
    if (error instanceof InvalidTokenIdError) return invalid([`The declared token is not valid: ${error.message}.`]);
    throw error;
  }
  const chain = chainById(token.chainId);
  if (!chain) return invalid([`The token is on chain ${token.chainId}, which this extension cannot read yet.`]);
  const tokenId = formatTokenId(token.chainId, token.address);

  let manifest: PersonalTokenManifest | null = null;
  if (message.manifest && 'error' in message.manifest) return invalid([message.manifest.error]);
  if (message.manifest) {
    if (message.manifest.url && new URL(message.manifest.url).origin !== origin) {
      return invalid([`The manifest must be on this site (${origin}).`]);
    }
    const result = validateManifest(message.manifest.text, { expectedToken: tokenId });
    if (!result.ok) return invalid(result.errors.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)));
    manifest = result.manifest;
  }

  return {
    status: 'detected',
    origin,
    tokenId,
    chainId: token.chainId,
    chainName: chain.name,
    address: token.address,
    confirmation: confirmationFor(list, tokenId, origin),
    creatorName: manifest?.creator?.name ?? null,
    creatorDescription: manifest?.creator?.description ?? null,
    manifest,
  };
}
