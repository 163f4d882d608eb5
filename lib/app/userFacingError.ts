/** A refusal whose message is shown to the holder as is. */
export class UserFacingError extends Error {
  override name = 'UserFacingError';
}
