import { parseTokenId } from '../caip19';
import type { PersonalTokenManifest } from '../manifestSchema';
import { chainSupport } from './chainSupport';

/** A few lines that let a creator see at a glance that the extension read what they meant. */
export function summarizeManifest(m: PersonalTokenManifest): string[] {
  const { chainId } = parseTokenId(m.token);
  const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const sections = [
    count(m.pairs.length, 'pair', 'pairs'),
    count(m.distributions.length, 'distribution', 'distributions'),
    count(m.rewards.length, 'reward program', 'reward programs'),
    count(m.gates.length, 'gate', 'gates'),
    ...(m.offers.length ? [count(m.offers.length, 'offer', 'offers')] : []),
    m.votes ? `votes in space ${m.votes.space} at ${m.votes.hub}` : 'no votes',
  ];
  const support = chainSupport(chainId);
  return [
    `  token:   ${m.token} (${support.label})`,
    ...(support.warning ? [support.warning] : []),
    `  creator: ${m.creator.name} <${m.creator.url}>`,
    `  ${sections.join(', ')}`,
  ];
}
