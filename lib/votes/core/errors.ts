import { BaseError, type BaseErrorOptions } from '@/lib/errors/baseError';

// One error family for votes, so the background can tell the holder what happened in one
// sentence (`message`) and keep the technical detail (`details`, `cause`) for the log.

export class VotesError extends BaseError {
  override name = 'VotesError';
  constructor(message: string, options: BaseErrorOptions = {}) {
    super(message, { code: 'votes', ...options });
  }
}

/** The hub did not answer in time, or could not be reached at all. */
export class HubUnreachableError extends VotesError {
  override name = 'HubUnreachableError';
  constructor(message: string, options: BaseErrorOptions = {}) {
    super(message, { code: 'votes.hub-unreachable', ...options });
  }
}

/** The hub answered, but not with something we can read (HTTP error, too large, wrong shape). */
export class HubResponseError extends VotesError {
  override name = 'HubResponseError';
  constructor(message: string, options: BaseErrorOptions = {}) {
    super(message, { code: 'votes.hub-response', ...options });
  }
}

/** The hub answered and said no to a vote; `reason` is its own words. */
export class HubRefusedVoteError extends VotesError {
  override name = 'HubRefusedVoteError';
  constructor(readonly reason: string) {
    super(`The hub refused the vote: ${reason}`, { code: 'votes.hub-refused' });
  }
}

/** A vote we were asked to build is not one Snapshot could accept; nothing is signed. */
export class InvalidVoteError extends VotesError {
  override name = 'InvalidVoteError';
  constructor(message: string, options: BaseErrorOptions = {}) {
    super(message, { code: 'votes.invalid-vote', ...options });
  }
}

/** Voting power could not be read from the chain at the snapshot block. */
export class VotingPowerError extends VotesError {
  override name = 'VotingPowerError';
  constructor(message: string, options: BaseErrorOptions = {}) {
    super(message, { code: 'votes.voting-power', ...options });
  }
}
