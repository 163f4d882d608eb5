import { z } from 'zod';
import { HubResponseError } from '@/lib/votes/core/errors';
import { hubRequest, type HubHttpOptions } from '@/lib/votes/core/hubHttp';
import { graphqlResponseSchema, hubProposalSchema } from '@/lib/votes/core/hubSchemas';

// The open proposals of every followed space of one hub, in one GraphQL request (Snapshot's
// `space_in`), so an alert refresh asks each hub once, however many creators use it.

const FIELDS = 'id title body choices start end snapshot state type network author created privacy space { id name }';
export const OPEN_PROPOSALS_QUERY = `query OpenProposals($spaces: [String], $first: Int!) { proposals(first: $first, skip: 0, where: { space_in: $spaces, state: "active" }, orderBy: "created", orderDirection: desc) { ${FIELDS} } }`;
const MAX_BYTES = 2 << 20;
const FIRST = 100;

export interface OpenProposal {
  id: string;
  space: string;
  title: string;
  /** Unix seconds. */
  end: number;
}

export async function hubOpenProposals(hub: string, spaces: string[], options: HubHttpOptions = {}): Promise<OpenProposal[]> {
  const base = hub.replace(/\/+$/, '');
  const answer = await hubRequest(
    `${base}/graphql`,
    { method: 'POST', body: { query: OPEN_PROPOSALS_QUERY, variables: { spaces, first: FIRST } }, maxBytes: MAX_BYTES },
    options,
  );
  const parsed = graphqlResponseSchema('proposals', z.array(hubProposalSchema).max(FIRST)).safeParse(answer.json);
  if (!answer.ok || !parsed.success || !parsed.data.data) {
    throw new HubResponseError('The vote hub sent an answer this companion cannot read', {
      details: `${base}/graphql open proposals: HTTP ${answer.status}`,
    });
  }
  const wanted = new Set(spaces);
  return (parsed.data.data.proposals ?? []).flatMap((p) =>
    p.space && wanted.has(p.space) && p.state === 'active' ? [{ id: p.id, space: p.space, title: p.title, end: p.end }] : [],
  );
}
