// The gate every picture passes before it is stored: an allow-list of SVG elements and attributes (what
// the built-in illustrator draws), no event handlers, no links out, no DOCTYPE/entities/CDATA, no
// processing instructions. A picture is shown by <img> (where scripts never run) and served with a
// sandboxing CSP; this keeps anything script-shaped from being stored in the first place.

const ELEMENTS = new Set([
  'svg',
  'g',
  'title',
  'desc',
  'defs',
  'linearGradient',
  'radialGradient',
  'stop',
  'rect',
  'circle',
  'ellipse',
  'path',
  'polygon',
  'polyline',
  'line',
]);

const ATTRIBUTES = new Set([
  'xmlns',
  'viewBox',
  'width',
  'height',
  'role',
  'aria-labelledby',
  'aria-label',
  'id',
  'class',
  'fill',
  'fill-opacity',
  'opacity',
  'stroke',
  'stroke-width',
  'stroke-linecap',
  'stroke-linejoin',
  'stroke-opacity',
  'transform',
  'd',
  'x',
  'y',
  'x1',
  'y1',
  'x2',
  'y2',
  'cx',
  'cy',
  'r',
  'rx',
  'ry',
  'points',
  'offset',
  'stop-color',
  'stop-opacity',
  'gradientUnits',
  'gradientTransform',
  'data-character-id',
]);

export const MAX_SVG_BYTES = 512 * 1024;

/** Why an SVG is refused, or null when it may be stored. */
export function svgProblem(svg: string): string | null {
  if (Buffer.byteLength(svg, 'utf8') > MAX_SVG_BYTES) return 'too_large';
  if (!/^<svg[\s>]/.test(svg) || !svg.trimEnd().endsWith('</svg>')) return 'not_an_svg';
  if (/<[!?]/.test(svg)) return 'markup_declaration';
  for (const tag of svg.matchAll(/<\/?\s*([^\s/>]+)([^>]*)>/g)) {
    const [, name, rest] = tag;
    if (!ELEMENTS.has(name)) return `element:${name}`;
    for (const attribute of rest.matchAll(/([^\s=/]+)\s*=\s*("[^"]*"|'[^']*')/g)) {
      const [, attr, quoted] = attribute;
      if (!ATTRIBUTES.has(attr)) return `attribute:${attr}`;
      const value = quoted.slice(1, -1);
      // Paint may point inside the picture (url(#gradient)); nothing may point outside it.
      if (/url\(\s*(?!#)/i.test(value) || /javascript:|data:|&#/i.test(value)) return `value:${attr}`;
    }
    // Whatever is left between the attributes must be whitespace or the self-closing slash.
    const leftover = rest.replace(/([^\s=/]+)\s*=\s*("[^"]*"|'[^']*')/g, '').replace(/[\s/]/g, '');
    if (leftover) return 'malformed_tag';
  }
  return null;
}

export function assertSafeSvg(svg: string): void {
  const problem = svgProblem(svg);
  if (problem) throw new Error(`unsafe SVG refused (${problem})`);
}
