import { adminQuery } from 'supabase-local/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { addChild, type Child, expectError, type Parent, signUpParent } from '../rls/family-helpers';
import { importStory, type StoredStory } from './story-fixtures';

// "To be continued": a child who runs out of time inside a story asks for more time from that page, and
// the request carries the story and the page so the parent sees what their child is reading. The
// context must be the child's own bookmark (a page on their reading path in that story).

let parent: Parent;
let child: Child;
let sibling: Child;
let otherParent: Parent;
let library: StoredStory;
let otherStory: StoredStory;

const requestOf = async (id: string) =>
  (
    await adminQuery<{ story_id: string | null; segment_id: string | null; kind: string }>(
      'select story_id, segment_id, kind from public.approval_requests where id = $1',
      [id],
    )
  )[0];

beforeAll(async () => {
  [parent, otherParent] = await Promise.all([signUpParent(), signUpParent()]);
  [child, sibling] = await Promise.all([addChild(parent), addChild(parent)]);
  library = await importStory({ visibility: 'public', ageBand: '4-6', seed: 21 });
  otherStory = await importStory({
    familyId: otherParent.familyId,
    authorId: otherParent.id,
    visibility: 'family',
    ageBand: '4-6',
    seed: 22,
  });
  // The child reads two pages of the library story: that is their bookmark.
  const next = library.story.choices.find((c) => c.fromSegmentId === 's' && c.toSegmentId)?.toSegmentId as string;
  const saved = await child.client
    .from('reading_progress')
    .upsert(
      { story_id: library.id, path: [library.segments.s, library.segments[next]] },
      { onConflict: 'reader_id,story_id' },
    );
  expect(saved.error).toBeNull();
});

describe('a more-time request from inside a story', () => {
  it('refuses a story or page the child has not bookmarked, and changes nothing', async () => {
    const next = library.story.choices.find((c) => c.fromSegmentId === 's' && c.toSegmentId)?.toSegmentId;
    const before = await adminQuery('select count(*)::int as n from public.approval_requests where child_id = $1', [
      child.id,
    ]);
    // Another family's story, a page of another story, a page without its story, a page off their path.
    const offPath = library.story.segments.find((g) => g.depth === 1 && g.id !== next);
    const attempts = [
      { p_story_id: otherStory.id },
      { p_story_id: library.id, p_segment_id: otherStory.segments.s },
      { p_segment_id: library.segments.s },
      ...(offPath ? [{ p_story_id: library.id, p_segment_id: library.segments[offPath.id] }] : []),
    ];
    for (const context of attempts) {
      expectError(await child.client.rpc('request_more_time', { p_minutes: 15, ...context }), 'story_not_found');
    }
    // A sibling has no bookmark in it either.
    expectError(
      await sibling.client.rpc('request_more_time', { p_minutes: 15, p_story_id: library.id }),
      'story_not_found',
    );
    const after = await adminQuery('select count(*)::int as n from public.approval_requests where child_id = $1', [
      child.id,
    ]);
    expect(after).toEqual(before);
  });

  it('carries the bookmarked story and page; asking again from another page moves the open request there', async () => {
    const { data: id, error } = await child.client.rpc('request_more_time', {
      p_minutes: 15,
      p_story_id: library.id,
      p_segment_id: library.segments.s,
    });
    expect(error).toBeNull();
    expect(await requestOf(id as string)).toEqual({
      story_id: library.id,
      segment_id: library.segments.s,
      kind: 'more_time',
    });

    const next = library.story.choices.find((c) => c.fromSegmentId === 's' && c.toSegmentId)?.toSegmentId as string;
    const again = await child.client.rpc('request_more_time', {
      p_minutes: 15,
      p_story_id: library.id,
      p_segment_id: library.segments[next],
    });
    expect(again.data).toBe(id);
    expect((await requestOf(id as string)).segment_id).toBe(library.segments[next]);

    // Asking again without a story (from the kid home) keeps the context it has.
    const plain = await child.client.rpc('request_more_time', { p_minutes: 15 });
    expect(plain.data).toBe(id);
    expect((await requestOf(id as string)).story_id).toBe(library.id);
  });

  it('is read by the parent with the story title; the page may be removed without losing the story', async () => {
    const { data, error } = await parent.client
      .from('approval_requests')
      .select('id, story_id, segment_id, stories(title)')
      .eq('child_id', child.id)
      .eq('status', 'pending')
      .single();
    expect(error).toBeNull();
    expect(data?.stories).toEqual({ title: library.story.title });
    // Only a more_time request has a story, and a page needs its story.
    await expect(
      adminQuery(
        `insert into public.approval_requests (family_id, child_id, kind, credits, for_date, story_id)
         values ($1, $2, 'credit_spend', 5, current_date, $3)`,
        [parent.familyId, child.id, library.id],
      ),
    ).rejects.toThrow(/approval_requests_story_only_more_time/);
    await expect(
      adminQuery('update public.approval_requests set story_id = null where id = $1', [data?.id]),
    ).rejects.toThrow(/approval_requests_segment_needs_story/);
  });
});
