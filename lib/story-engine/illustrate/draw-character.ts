import type { CharacterLook } from '../types';

// A character drawn from its look alone (never from the page or a seed), so the same character looks
// the same on every page of every story. Drawn around (0, 0) = the middle of its feet, 150 units tall.
// Colours were checked as #rrggbb by the request schema; they are checked again here because an SVG
// attribute is no place to trust input.

const safeColour = (colour: string, fallback: string) => (/^#[0-9a-fA-F]{6}$/.test(colour) ? colour : fallback);

const BODY: Record<CharacterLook['shape'], { w: number; h: number; rx: number }> = {
  round: { w: 100, h: 100, rx: 50 },
  tall: { w: 70, h: 130, rx: 30 },
  square: { w: 90, h: 100, rx: 14 },
  small: { w: 76, h: 80, rx: 36 },
};

export function drawCharacter(look: CharacterLook): string {
  const body = safeColour(look.body, '#999999');
  const accent = safeColour(look.accent, '#eeeeee');
  const extra = safeColour(look.accessoryColor, '#cc3333');
  const { w, h, rx } = BODY[look.shape] ?? BODY.round;
  const top = -h;
  const headY = top + Math.min(h * 0.32, 34);
  const parts: string[] = [];
  const ears: Record<CharacterLook['ears'], string> = {
    none: '',
    pointy: `<path d="M${-w / 2 + 8} ${top + 16}L${-w / 2 + 14} ${top - 22}L${-w / 2 + 34} ${top + 6}Z M${w / 2 - 8} ${top + 16}L${w / 2 - 14} ${top - 22}L${w / 2 - 34} ${top + 6}Z" fill="${body}"/>`,
    round: `<circle cx="${-w / 2 + 16}" cy="${top + 6}" r="14" fill="${body}"/><circle cx="${w / 2 - 16}" cy="${top + 6}" r="14" fill="${body}"/>`,
    long: `<ellipse cx="${-14}" cy="${top - 26}" rx="10" ry="32" fill="${body}"/><ellipse cx="14" cy="${top - 26}" rx="10" ry="32" fill="${body}"/><ellipse cx="${-14}" cy="${top - 26}" rx="4" ry="22" fill="${accent}"/><ellipse cx="14" cy="${top - 26}" rx="4" ry="22" fill="${accent}"/>`,
    antenna: `<path d="M0 ${top}V${top - 28}" stroke="${body}" stroke-width="4"/><circle cx="0" cy="${top - 32}" r="7" fill="${accent}"/>`,
    horns: `<path d="M-18 ${top + 4}L-12 ${top - 24}L-4 ${top + 2}Z M18 ${top + 4}L12 ${top - 24}L4 ${top + 2}Z" fill="${accent}"/>`,
    hair: `<path d="M${-w / 2} ${top + 30}Q0 ${top - 26} ${w / 2} ${top + 30}Q${w / 4} ${top + 8} 0 ${top + 12}Q${-w / 4} ${top + 8} ${-w / 2} ${top + 30}Z" fill="${accent}"/>`,
  };
  // Ears and horns stand behind the head; hair sits on top of it.
  if (look.ears !== 'hair') parts.push(ears[look.ears] ?? '');
  parts.push(`<rect x="${-w / 2}" y="${top}" width="${w}" height="${h}" rx="${rx}" fill="${body}"/>`);
  if (look.ears === 'hair') parts.push(ears.hair);
  if (look.ears !== 'hair') {
    parts.push(`<ellipse cx="0" cy="${top + h * 0.68}" rx="${w * 0.3}" ry="${h * 0.22}" fill="${accent}"/>`);
  }
  // Face: eyes, cheeks, smile.
  parts.push(
    `<circle cx="-14" cy="${headY}" r="6" fill="#1d1d1f"/><circle cx="14" cy="${headY}" r="6" fill="#1d1d1f"/>`,
    `<circle cx="-12" cy="${headY - 2}" r="2" fill="#ffffff"/><circle cx="16" cy="${headY - 2}" r="2" fill="#ffffff"/>`,
    `<circle cx="-24" cy="${headY + 12}" r="5" fill="#ff8a80" opacity="0.6"/><circle cx="24" cy="${headY + 12}" r="5" fill="#ff8a80" opacity="0.6"/>`,
    `<path d="M-9 ${headY + 14}Q0 ${headY + 22} 9 ${headY + 14}" stroke="#1d1d1f" stroke-width="3" fill="none" stroke-linecap="round"/>`,
  );
  const accessories: Record<CharacterLook['accessory'], string> = {
    none: '',
    hat: `<rect x="-30" y="${top - 14}" width="60" height="18" rx="4" fill="${extra}"/><rect x="-40" y="${top + 2}" width="80" height="6" rx="3" fill="${extra}"/>`,
    scarf: `<rect x="${-w / 2 + 4}" y="${headY + 26}" width="${w - 8}" height="12" rx="6" fill="${extra}"/><rect x="${w / 4}" y="${headY + 30}" width="12" height="30" rx="5" fill="${extra}"/>`,
    glasses: `<circle cx="-14" cy="${headY}" r="11" stroke="${extra}" stroke-width="3" fill="none"/><circle cx="14" cy="${headY}" r="11" stroke="${extra}" stroke-width="3" fill="none"/><path d="M-3 ${headY}H3" stroke="${extra}" stroke-width="3"/>`,
    bow: `<path d="M0 ${top + 4}L-20 ${top - 8}V${top + 16}Z M0 ${top + 4}L20 ${top - 8}V${top + 16}Z" fill="${extra}"/><circle cx="0" cy="${top + 4}" r="5" fill="${extra}"/>`,
    cape: `<path d="M${-w / 2 + 6} ${headY + 24}L${-w / 2 - 14} -4H${w / 2 + 14}L${w / 2 - 6} ${headY + 24}Z" fill="${extra}" opacity="0.9"/>`,
    backpack: `<rect x="${w / 2 - 6}" y="${top + h * 0.35}" width="18" height="${h * 0.4}" rx="6" fill="${extra}"/>`,
    crown: `<path d="M-22 ${top + 2}L-22 ${top - 18}L-11 ${top - 6}L0 ${top - 22}L11 ${top - 6}L22 ${top - 18}L22 ${top + 2}Z" fill="${extra}"/>`,
    flower: `<circle cx="${w / 2 - 12}" cy="${top + 8}" r="9" fill="${extra}"/><circle cx="${w / 2 - 12}" cy="${top + 8}" r="4" fill="#fff59d"/>`,
  };
  // A cape hangs behind the body; everything else sits on top.
  const accessory = accessories[look.accessory] ?? '';
  if (look.accessory === 'cape') parts.unshift(accessory);
  else parts.push(accessory);
  // Feet.
  parts.push(
    `<ellipse cx="-18" cy="0" rx="14" ry="7" fill="${body}"/><ellipse cx="18" cy="0" rx="14" ry="7" fill="${body}"/>`,
  );
  return parts.join('');
}
