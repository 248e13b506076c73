import { DOMParser } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { LIBRARY_CHARACTERS } from '../assets/characters';
import { createBuiltinProvider } from '../builtin/builtin-provider';
import { variedRequest } from '../builtin/test-requests';
import { SCENE_KINDS, type StorySegment } from '../types';
import { illustrateSegment } from './svg-illustrator';

// Parsing is the test: a strict XML parser that throws on any error, then the document's own tree.
function parse(svg: string) {
  const errors: string[] = [];
  const doc = new DOMParser({
    onError: (level, message) => {
      if (level !== 'warning') errors.push(message);
    },
  }).parseFromString(svg, 'image/svg+xml');
  expect(errors).toEqual([]);
  return doc;
}

const cast = LIBRARY_CHARACTERS.slice(0, 3);

function segment(overrides: Partial<StorySegment> = {}): StorySegment {
  return {
    id: 's',
    depth: 0,
    text: 'Pip and Luna went to the pond. It was sunny.',
    settingId: 'pond',
    scene: 'lake',
    place: 'the duck pond',
    characterIds: cast.map((c) => c.id),
    isEnding: false,
    state: { settingId: 'pond', present: [], items: [], helperId: null, obstacleId: null, visited: [], clues: 0 },
    provenance: {} as StorySegment['provenance'],
    ...overrides,
  };
}

describe('illustrateSegment', () => {
  it('draws an accessible image: role="img", labelled by a <title> from the page text, nothing else written', () => {
    const { svg, mimeType, segmentId } = illustrateSegment(segment(), cast);
    expect({ mimeType, segmentId }).toEqual({ mimeType: 'image/svg+xml', segmentId: 's' });
    const root = parse(svg).documentElement;
    expect(root?.getAttribute('role')).toBe('img');
    const titles = root?.getElementsByTagName('title');
    expect(titles?.length).toBe(1);
    expect(root?.getAttribute('aria-labelledby')).toBe(titles?.item(0)?.getAttribute('id'));
    expect(titles?.item(0)?.textContent).toBe('Pip and Luna went to the pond. It was sunny.');
    expect(root?.getElementsByTagName('text').length).toBe(0);
  });

  it('renders hostile text inert: <script>, quotes, ampersands and control characters stay text', () => {
    const hostile =
      '</title><script>alert("x")</script> "quoted" & \'single\' <img src=x onerror=alert(1)>\u0000\u0007 end.';
    const evilCast = [{ ...cast[0], id: '"><script>alert(1)</script>' }];
    const { svg } = illustrateSegment(segment({ text: hostile, characterIds: evilCast.map((c) => c.id) }), evilCast);
    const doc = parse(svg);
    expect(doc.getElementsByTagName('script').length).toBe(0);
    expect(doc.getElementsByTagName('img').length).toBe(0);
    expect(doc.getElementsByTagName('title').item(0)?.textContent).toBe(
      hostile.replaceAll('\u0000', '').replaceAll('\u0007', ''),
    );
    const group = doc.getElementsByTagName('g');
    const ids = Array.from({ length: group.length }, (_, i) => group.item(i)?.getAttribute('data-character-id')).filter(
      Boolean,
    );
    expect(ids).toEqual([evilCast[0].id]);
    // No element anywhere carries an event handler.
    const all = doc.getElementsByTagName('*');
    for (let i = 0; i < all.length; i++) {
      const attributes = all.item(i)?.attributes;
      for (let a = 0; a < (attributes?.length ?? 0); a++) expect(attributes?.item(a)?.name).not.toMatch(/^on/i);
    }
  });

  it('never puts a colour it has not checked into an attribute', () => {
    const bad = { ...cast[0], look: { ...cast[0].look, body: 'red" onload="alert(1)' } };
    const { svg } = illustrateSegment(segment({ characterIds: [bad.id] }), [bad]);
    parse(svg);
    expect(svg).not.toContain('onload');
  });

  it('draws each character the same way on every page, wherever it stands', async () => {
    const { story } = await createBuiltinProvider().generateStory({ ...variedRequest('4-6', 3), length: 'medium' });
    const drawings = new Map<string, Set<string>>();
    for (const page of story.segments) {
      const doc = parse(illustrateSegment(page, story.characters).svg);
      const groups = doc.getElementsByTagName('g');
      for (let i = 0; i < groups.length; i++) {
        const g = groups.item(i);
        const id = g?.getAttribute('data-character-id');
        if (!id || !g) continue;
        drawings.set(id, (drawings.get(id) ?? new Set()).add(g.toString()));
      }
      const drawn = Array.from(drawings.keys()).filter((id) => page.characterIds.includes(id));
      expect(drawn.sort()).toEqual([...page.characterIds].sort());
    }
    expect(drawings.size).toBeGreaterThan(1);
    for (const versions of drawings.values()) expect(versions.size).toBe(1);
  });

  it('is deterministic, small, and has a picture for every kind of place', () => {
    for (const scene of SCENE_KINDS) {
      const page = segment({ scene, id: `s.${scene}` });
      const { svg } = illustrateSegment(page, cast);
      expect(illustrateSegment(page, cast).svg).toBe(svg);
      parse(svg);
      expect(Buffer.byteLength(svg)).toBeLessThan(30_000);
    }
    const a = illustrateSegment(segment({ id: 's.0' }), cast).svg;
    const b = illustrateSegment(segment({ id: 's.1' }), cast).svg;
    expect(a).not.toBe(b);
  });

  it('leaves out ids that are not in the cast', () => {
    const { svg } = illustrateSegment(segment({ characterIds: ['nobody'] }), cast);
    parse(svg);
    expect(svg).not.toContain('data-character-id');
  });
});
