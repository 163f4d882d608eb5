import type { CompanionDatabase } from '../db/database';
import type { FollowRow } from '../db/rows';

export function listFollows(db: CompanionDatabase): Promise<FollowRow[]> {
  return db.follows.orderBy('tokenId').toArray();
}

export function followOf(db: CompanionDatabase, tokenId: string): Promise<FollowRow | undefined> {
  return db.follows.get(tokenId);
}

export async function follow(db: CompanionDatabase, row: FollowRow): Promise<void> {
  // Following again keeps the original date: it is when the holder first cared.
  await db.transaction('rw', db.follows, async () => {
    const existing = await db.follows.get(row.tokenId);
    await db.follows.put({ ...row, followedAt: existing?.followedAt ?? row.followedAt });
  });
}

export async function unfollow(db: CompanionDatabase, tokenId: string): Promise<void> {
  await db.follows.delete(tokenId);
}
