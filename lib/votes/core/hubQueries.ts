// The GraphQL documents sent to a hub: Snapshot's query names, argument names and field names
// (hub.snapshot.org/graphql), and nothing beyond them, so any hub that speaks Snapshot's API
// answers. Values travel as variables, never spliced into the text.

const PROPOSAL_FIELDS =
  'id title body choices start end snapshot state type network author created scores scores_total scores_state votes quorum privacy space { id name }';
const VOTE_FIELDS = 'id ipfs voter created choice reason app vp vp_state';

export function proposalsQuery(withState: boolean): string {
  const where = withState ? '{ space: $space, state: $state }' : '{ space: $space }';
  const state = withState ? ', $state: String' : '';
  return `query Proposals($space: String!${state}, $first: Int!, $skip: Int!) { proposals(first: $first, skip: $skip, where: ${where}, orderBy: "created", orderDirection: desc) { ${PROPOSAL_FIELDS} } }`;
}

export const PROPOSAL_QUERY = `query Proposal($id: String!) { proposal(id: $id) { ${PROPOSAL_FIELDS} } }`;

export function votesQuery(withVoter: boolean): string {
  const where = withVoter ? '{ proposal: $proposal, voter: $voter }' : '{ proposal: $proposal }';
  const voter = withVoter ? ', $voter: String' : '';
  // Oldest first: pages stay put while new votes arrive at the end.
  return `query Votes($proposal: String!${voter}, $first: Int!, $skip: Int!) { votes(first: $first, skip: $skip, where: ${where}, orderBy: "created", orderDirection: asc) { ${VOTE_FIELDS} } }`;
}

/**
 * Every vote of a proposal from `created` on, oldest first (ties in id order on snapshot-hub).
 * Paged by this cursor rather than by `skip`, which snapshot-hub refuses above 5,000; `skip`
 * only steps over the votes already read in the cursor's own second.
 */
export const VOTES_FROM_QUERY = `query Votes($proposal: String!, $created: Int!, $first: Int!, $skip: Int!) { votes(first: $first, skip: $skip, where: { proposal: $proposal, created_gte: $created }, orderBy: "created", orderDirection: asc) { ${VOTE_FIELDS} } }`;
