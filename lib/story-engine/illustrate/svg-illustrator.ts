import { sentencesOf } from '../checks/readability';
import { createRng, deriveSeed } from '../prng';
import type { Character, Illustration, StorySegment } from '../types';
import { drawCharacter } from './draw-character';
import { drawScene, GROUND, HEIGHT, WIDTH } from './scenes';
import { escapeXml } from './svg-escape';

// The built-in illustrator: one SVG per page, the place from its scene and the characters present
// standing in a row, each drawn from its look. No text is drawn into the picture; the page's first
// sentences become its <title>, which screen readers announce (role="img").

const TITLE_LENGTH = 160;

function titleFor(text: string): string {
  let title = '';
  for (const sentence of sentencesOf(text)) {
    if (title && title.length + sentence.length + 1 > TITLE_LENGTH) break;
    title = title ? `${title} ${sentence}` : sentence;
  }
  return title.length > TITLE_LENGTH ? `${title.slice(0, TITLE_LENGTH - 1)}…` : title;
}

export function illustrateSegment(segment: StorySegment, cast: readonly Character[]): Illustration {
  const rng = createRng(deriveSeed(0x5ce9e, segment.id, segment.settingId, segment.text.length));
  const present = segment.characterIds
    .map((id) => cast.find((c) => c.id === id))
    .filter((c): c is Character => c !== undefined);
  const scale = present.length > 3 ? 0.8 : 1;
  const figures = present
    .map((character, i) => {
      const x = Math.round(((i + 1) * WIDTH) / (present.length + 1));
      const y = GROUND + 40 + (i % 2) * 14;
      return `<g transform="translate(${x} ${y}) scale(${scale})"><g class="character" data-character-id="${escapeXml(character.id)}">${drawCharacter(character.look)}</g></g>`;
    })
    .join('');
  // Ids stay unique when several pages are inlined into one HTML page.
  const idPrefix = `tf-${segment.id.replace(/[^A-Za-z0-9]/g, '-')}`;
  const titleId = `${idPrefix}-title`;
  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" role="img" aria-labelledby="${titleId}">`,
    `<title id="${titleId}">${escapeXml(titleFor(segment.text))}</title>`,
    drawScene(segment.scene, rng).replace(/sky-(\w+)/g, `${idPrefix}-sky-$1`),
    figures,
    '</svg>',
  ].join('');
  return { segmentId: segment.id, mimeType: 'image/svg+xml', svg };
}
