import { BaseError, type BaseErrorOptions } from '@/lib/errors/baseError';

/** A refusal whose message is shown to the holder as is. */
export class UserFacingError extends BaseError {
  override name = 'UserFacingError';
  constructor(message: string, options: BaseErrorOptions = {}) {
    super(message, { code: 'refused', ...options });
  }
}
