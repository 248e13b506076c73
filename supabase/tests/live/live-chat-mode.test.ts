import { adminQuery } from 'supabase-local/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { Constants } from '@/lib/database.types';
import { effectiveChatMode } from '@/lib/live/chat-mode';
import type { Child } from '../rls/family-helpers';
import { createSession, liveFamily } from './live-helpers';

// The chat box picks its input (phrase menu, emote pad, text box) with lib/live/chat-mode.ts so that a
// child is never offered what send_chat_message will refuse. The rule itself is the database's
// (private.effective_chat_mode); this keeps the two the same for every session mode and chat level,
// and for a grown-up (no controls).
describe('effective chat mode: the chat box agrees with the database', () => {
  let child: Child;
  let sessionId: string;
  let parentId: string;

  beforeAll(async () => {
    const family = await liveFamily();
    child = family.child;
    parentId = family.parent.id;
    sessionId = (await createSession(family.parent)).id;
  });

  const databaseMode = async (mode: string, userId: string) => {
    await adminQuery('update public.live_sessions set chat_mode = $2 where id = $1', [sessionId, mode]);
    const [{ effective }] = await adminQuery<{ effective: string }>(
      'select private.effective_chat_mode(s, $2) as effective from public.live_sessions s where s.id = $1',
      [sessionId, userId],
    );
    return effective;
  };

  it('for every session mode and child chat level, and for a grown-up', async () => {
    for (const level of Constants.public.Enums.chat_level) {
      await adminQuery('update public.parental_controls set chat_level = $2 where child_id = $1', [child.id, level]);
      for (const mode of Constants.public.Enums.live_chat_mode) {
        expect([mode, level, await databaseMode(mode, child.id)]).toEqual([
          mode,
          level,
          effectiveChatMode(mode, level),
        ]);
      }
    }
    for (const mode of Constants.public.Enums.live_chat_mode) {
      expect(await databaseMode(mode, parentId)).toBe(effectiveChatMode(mode, null));
    }
  });
});
