import type { RequestHandlers } from '@/lib/messaging/contract';
import { UserFacingError } from '../../app/userFacingError';
import { backgroundDeps } from '../../app/background/backgroundDeps';
import type { listsRequests } from '../contract';
import { removeList, setListEnabled } from '../tokenListsRepository';
import { addTokenList } from './addList';

export const listsHandlers: RequestHandlers<typeof listsRequests> = {
  'add-token-list': ({ url }) => addTokenList(backgroundDeps().db, url),
  'remove-token-list': async ({ url }) => {
    await removeList(backgroundDeps().db, url);
    return null;
  },
  'set-token-list-enabled': async ({ url, enabled }) => {
    if (!(await setListEnabled(backgroundDeps().db, url, enabled, Date.now())))
      throw new UserFacingError('This list is no longer added; add it again by its address.');
    return null;
  },
};
