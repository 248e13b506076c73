import { describe, expect, it } from 'vitest';
import { createBuiltinProvider, LIBRARY_CHARACTERS, TEMPLATES } from '@/lib/story-engine';
import { svgProblem } from './safe-svg';

const ok =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><title id="t">A page</title><rect x="0" y="0" width="10" height="10" fill="url(#sky)"/></svg>';

describe('svgProblem', () => {
  it("lets the built-in illustrator's pictures through, for every template", async () => {
    const provider = createBuiltinProvider();
    for (const template of TEMPLATES) {
      const { story } = await provider.generateStory({
        ageBand: '7-9',
        length: 'short',
        templateId: template.id,
        prompt: null,
        characters: LIBRARY_CHARACTERS.slice(0, 4),
        themeId: template.themeIds[0],
        moralId: null,
        seed: 11,
      });
      for (const segment of story.segments) {
        const { svg } = await provider.illustrate(segment, story.characters);
        expect(svgProblem(svg), `${template.id} ${segment.id}`).toBeNull();
      }
    }
  });

  it('refuses script, handlers, links out, entities and foreign content', () => {
    expect(svgProblem(ok)).toBeNull();
    const bad = [
      ok.replace('<title', '<script>alert(1)</script><title'),
      ok.replace('<rect', '<rect onload="alert(1)"'),
      ok.replace('<rect', '<rect ONCLICK="x()"'),
      ok.replace('fill="url(#sky)"', 'fill="url(https://evil.example/x.svg#a)"'),
      ok.replace('<rect', '<image href="https://evil.example/a.png"/><rect'),
      ok.replace('<rect', '<a href="javascript:alert(1)"><rect').replace('</svg>', '</a></svg>'),
      ok.replace('<rect', '<foreignObject><div></div></foreignObject><rect'),
      `<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x "y">]>${ok}`,
      ok.replace('fill="url(#sky)"', 'fill="&#106;avascript:x"'),
      ok.replace('<rect x="0"', '<rect x="0" style="background:url(x)"'),
      ok.replace('<rect x="0"', '<rect x=0 y'),
      '<html><body>hi</body></html>',
      ok.replace('A page', '<![CDATA[<script>x</script>]]>'),
      `${ok.slice(0, -6)}${'<g></g>'.repeat(80_000)}</svg>`,
    ];
    for (const svg of bad) expect(svgProblem(svg), svg.slice(0, 120)).not.toBeNull();
  });

  it('a prompt full of markup ends up as inert text in the picture', async () => {
    const provider = createBuiltinProvider();
    const { story } = await provider.generateStory({
      ageBand: '4-6',
      length: 'short',
      templateId: null,
      prompt: '<script>alert(1)</script><img src=x onerror=alert(2)> a lost puppy',
      characters: [LIBRARY_CHARACTERS[0]],
      themeId: 'friendship',
      moralId: null,
      seed: 5,
    });
    for (const segment of story.segments) {
      const { svg } = await provider.illustrate(segment, story.characters);
      expect(svgProblem(svg)).toBeNull();
      expect(svg).not.toContain('<script');
    }
  });
});
