import type { Rng } from '../prng';
import type { SceneKind } from '../types';

// Backgrounds on an 800×500 canvas, ground at y = 400. Props are placed by the page's own seed, so
// two pages in the same kind of place still look different, and the same page always looks the same.

export const WIDTH = 800;
export const HEIGHT = 500;
export const GROUND = 400;

const sky = (top: string, bottom: string, id: string) =>
  `<defs><linearGradient id="${id}" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${top}"/><stop offset="1" stop-color="${bottom}"/></linearGradient></defs><rect width="${WIDTH}" height="${HEIGHT}" fill="url(#${id})"/>`;
const ground = (colour: string, y = GROUND) =>
  `<rect y="${y}" width="${WIDTH}" height="${HEIGHT - y}" fill="${colour}"/>`;
const sun = (rng: Rng) => `<circle cx="${rng.int(560, 740)}" cy="${rng.int(60, 110)}" r="42" fill="#ffd54f"/>`;
const cloud = (x: number, y: number, s = 1) =>
  `<g fill="#ffffff" opacity="0.9"><ellipse cx="${x}" cy="${y}" rx="${50 * s}" ry="${22 * s}"/><ellipse cx="${x + 30 * s}" cy="${y - 14 * s}" rx="${32 * s}" ry="${22 * s}"/><ellipse cx="${x - 28 * s}" cy="${y - 8 * s}" rx="${26 * s}" ry="${18 * s}"/></g>`;
const clouds = (rng: Rng, n: number) =>
  Array.from({ length: n }, () => cloud(rng.int(60, 740), rng.int(50, 160), 0.7 + rng.next() * 0.6)).join('');
const stars = (rng: Rng, n: number) =>
  Array.from(
    { length: n },
    () => `<circle cx="${rng.int(5, 795)}" cy="${rng.int(5, 320)}" r="${rng.int(1, 3)}" fill="#fffde7"/>`,
  ).join('');
const tree = (x: number, h: number, leaf: string) =>
  `<rect x="${x - 8}" y="${GROUND - h * 0.4}" width="16" height="${h * 0.4}" fill="#6d4c41"/><circle cx="${x}" cy="${GROUND - h * 0.6}" r="${h * 0.3}" fill="${leaf}"/>`;
const pine = (x: number, h: number, leaf: string) =>
  `<rect x="${x - 6}" y="${GROUND - 24}" width="12" height="24" fill="#5d4037"/><path d="M${x} ${GROUND - h}L${x - h * 0.3} ${GROUND - 20}H${x + h * 0.3}Z" fill="${leaf}"/>`;
const flower = (x: number, y: number, colour: string) =>
  `<path d="M${x} ${y}V${y + 22}" stroke="#388e3c" stroke-width="3"/><circle cx="${x}" cy="${y}" r="7" fill="${colour}"/><circle cx="${x}" cy="${y}" r="3" fill="#fff59d"/>`;
const flowers = (rng: Rng, n: number) =>
  Array.from({ length: n }, () =>
    flower(
      rng.int(20, 780),
      rng.int(GROUND + 20, HEIGHT - 30),
      rng.pick(['#e91e63', '#ffeb3b', '#ab47bc', '#ff7043', '#ffffff']),
    ),
  ).join('');
const spread = (rng: Rng, n: number, draw: (x: number) => string) =>
  Array.from({ length: n }, (_, i) => draw(Math.round(((i + 0.5) * WIDTH) / n + rng.int(-30, 30)))).join('');

const SCENES: Record<SceneKind, (rng: Rng) => string> = {
  home: (rng) =>
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="${rng.pick(['#fff3e0', '#e8f5e9', '#e3f2fd'])}"/>` +
    ground('#bcaaa4') +
    `<rect x="${rng.int(80, 200)}" y="80" width="180" height="140" fill="#bbdefb" stroke="#8d6e63" stroke-width="10"/><path d="M0 0" />` +
    `<rect x="${rng.int(480, 600)}" y="110" width="90" height="70" fill="#ffe082" stroke="#795548" stroke-width="6"/>` +
    `<ellipse cx="400" cy="${GROUND + 50}" rx="260" ry="30" fill="${rng.pick(['#ef9a9a', '#9fa8da', '#a5d6a7'])}"/>`,
  garden: (rng) =>
    sky('#81d4fa', '#e1f5fe', 'sky-garden') +
    sun(rng) +
    clouds(rng, 2) +
    ground('#7cb342') +
    spread(rng, 10, (x) => `<rect x="${x - 6}" y="${GROUND - 60}" width="12" height="60" fill="#d7ccc8"/>`) +
    `<rect y="${GROUND - 45}" width="${WIDTH}" height="8" fill="#d7ccc8"/>` +
    flowers(rng, 14),
  forest: (rng) =>
    sky('#a5d6a7', '#e8f5e9', 'sky-forest') +
    ground('#558b2f') +
    spread(rng, 6, (x) => tree(x, rng.int(200, 300), rng.pick(['#2e7d32', '#388e3c', '#1b5e20']))) +
    Array.from(
      { length: 4 },
      () => `<circle cx="${rng.int(20, 780)}" cy="${GROUND + rng.int(20, 80)}" r="8" fill="#e53935"/>`,
    ).join(''),
  meadow: (rng) =>
    sky('#4fc3f7', '#e1f5fe', 'sky-meadow') +
    sun(rng) +
    clouds(rng, 3) +
    `<ellipse cx="${rng.int(150, 300)}" cy="${GROUND + 20}" rx="360" ry="90" fill="#9ccc65"/><ellipse cx="${rng.int(500, 700)}" cy="${GROUND + 30}" rx="380" ry="100" fill="#8bc34a"/>` +
    ground('#7cb342', GROUND + 30) +
    flowers(rng, 18),
  lake: (rng) =>
    sky('#90caf9', '#e3f2fd', 'sky-lake') +
    sun(rng) +
    clouds(rng, 2) +
    ground('#81c784') +
    `<ellipse cx="400" cy="${GROUND + 45}" rx="330" ry="45" fill="#4fc3f7"/>` +
    Array.from(
      { length: 4 },
      () => `<ellipse cx="${rng.int(150, 650)}" cy="${GROUND + rng.int(30, 70)}" rx="16" ry="6" fill="#66bb6a"/>`,
    ).join('') +
    spread(rng, 5, (x) => `<path d="M${x} ${GROUND + 10}V${GROUND - 50}" stroke="#558b2f" stroke-width="5"/>`),
  mountain: (rng) =>
    sky('#64b5f6', '#e3f2fd', 'sky-mountain') +
    clouds(rng, 2) +
    spread(rng, 3, (x) => {
      const h = rng.int(220, 300);
      return `<path d="M${x - 220} ${GROUND}L${x} ${GROUND - h}L${x + 220} ${GROUND}Z" fill="#78909c"/><path d="M${x - 55} ${GROUND - h + 75}L${x} ${GROUND - h}L${x + 55} ${GROUND - h + 75}Z" fill="#ffffff"/>`;
    }) +
    ground('#eceff1'),
  beach: (rng) =>
    sky('#4fc3f7', '#e1f5fe', 'sky-beach') +
    sun(rng) +
    clouds(rng, 2) +
    `<rect y="${GROUND - 70}" width="${WIDTH}" height="70" fill="#0288d1"/>` +
    Array.from(
      { length: 5 },
      () =>
        `<path d="M${rng.int(0, 740)} ${GROUND - rng.int(15, 55)}q15 -10 30 0" stroke="#e1f5fe" stroke-width="3" fill="none"/>`,
    ).join('') +
    ground('#ffe082') +
    Array.from(
      { length: 4 },
      () => `<circle cx="${rng.int(30, 770)}" cy="${GROUND + rng.int(30, 80)}" r="7" fill="#ffab91"/>`,
    ).join(''),
  town: (rng) =>
    sky('#90caf9', '#fce4ec', 'sky-town') +
    clouds(rng, 2) +
    ground('#9e9e9e') +
    spread(rng, 5, (x) => {
      const h = rng.int(120, 200);
      const colour = rng.pick(['#ef9a9a', '#fff59d', '#a5d6a7', '#90caf9', '#ffcc80']);
      return `<rect x="${x - 55}" y="${GROUND - h}" width="110" height="${h}" fill="${colour}"/><path d="M${x - 65} ${GROUND - h}L${x} ${GROUND - h - 50}L${x + 65} ${GROUND - h}Z" fill="#8d6e63"/><rect x="${x - 35}" y="${GROUND - h + 25}" width="24" height="24" fill="#fffde7"/><rect x="${x + 11}" y="${GROUND - h + 25}" width="24" height="24" fill="#fffde7"/>`;
    }),
  castle: (rng) =>
    sky('#b3e5fc', '#fff8e1', 'sky-castle') +
    sun(rng) +
    clouds(rng, 2) +
    ground('#8bc34a') +
    `<rect x="220" y="${GROUND - 200}" width="360" height="200" fill="#b0bec5"/>` +
    [220, 540]
      .map(
        (x) =>
          `<rect x="${x - 20}" y="${GROUND - 290}" width="80" height="290" fill="#90a4ae"/><path d="M${x + 20} ${GROUND - 290}V${GROUND - 330}" stroke="#5d4037" stroke-width="3"/><path d="M${x + 20} ${GROUND - 330}l30 10l-30 10Z" fill="${rng.pick(['#e53935', '#1e88e5', '#fdd835'])}"/>`,
      )
      .join('') +
    `<path d="M360 ${GROUND}V${GROUND - 90}Q400 ${GROUND - 130} 440 ${GROUND - 90}V${GROUND}Z" fill="#5d4037"/>`,
  cave: (rng) =>
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="#3e2723"/><path d="M0 ${HEIGHT}V160Q400 -40 800 160V${HEIGHT}Z" fill="#5d4037"/>` +
    ground('#4e342e') +
    Array.from({ length: 7 }, () => {
      const x = rng.int(30, 770);
      const y = rng.int(120, GROUND - 40);
      return `<path d="M${x} ${y}l10 -28l10 28l-10 14Z" fill="${rng.pick(['#80deea', '#ce93d8', '#a5d6a7'])}" opacity="0.85"/>`;
    }).join(''),
  library: (rng) =>
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="#efebe9"/>` +
    ground('#8d6e63') +
    spread(rng, 3, (x) => {
      const shelves = [0, 1, 2].map((row) => {
        const y = 90 + row * 90;
        const books = Array.from(
          { length: 8 },
          (_, b) =>
            `<rect x="${x - 100 + b * 25}" y="${y + rng.int(0, 20)}" width="20" height="${70 - rng.int(0, 20)}" fill="${rng.pick(['#c62828', '#1565c0', '#2e7d32', '#f9a825', '#6a1b9a'])}"/>`,
        ).join('');
        return `${books}<rect x="${x - 110}" y="${y + 70}" width="220" height="10" fill="#5d4037"/>`;
      });
      return shelves.join('');
    }),
  space: (rng) =>
    sky('#0d1b4c', '#283593', 'sky-space') +
    stars(rng, 60) +
    `<circle cx="${rng.int(120, 260)}" cy="${rng.int(90, 160)}" r="48" fill="${rng.pick(['#ff8a65', '#ba68c8', '#4db6ac'])}"/><ellipse cx="${rng.int(560, 680)}" cy="${rng.int(90, 150)}" rx="70" ry="14" fill="none" stroke="#ffe082" stroke-width="5"/>` +
    `<ellipse cx="400" cy="${GROUND + 90}" rx="560" ry="150" fill="#b0bec5"/>` +
    Array.from(
      { length: 5 },
      () => `<ellipse cx="${rng.int(60, 740)}" cy="${GROUND + rng.int(20, 70)}" rx="26" ry="8" fill="#90a4ae"/>`,
    ).join(''),
  sea: (rng) =>
    sky('#4fc3f7', '#01579b', 'sky-sea') +
    ground('#ffe0b2', GROUND + 20) +
    Array.from(
      { length: 14 },
      () =>
        `<circle cx="${rng.int(10, 790)}" cy="${rng.int(20, GROUND)}" r="${rng.int(3, 9)}" fill="none" stroke="#e1f5fe" stroke-width="2"/>`,
    ).join('') +
    spread(
      rng,
      6,
      (x) =>
        `<path d="M${x} ${GROUND + 20}q-14 -40 0 -80q14 -40 0 -80" stroke="#2e7d32" stroke-width="8" fill="none"/>`,
    ) +
    Array.from({ length: 3 }, () => {
      const x = rng.int(80, 720);
      const y = rng.int(80, 260);
      const colour = rng.pick(['#ffb74d', '#f06292', '#fff176']);
      return `<ellipse cx="${x}" cy="${y}" rx="22" ry="12" fill="${colour}"/><path d="M${x + 20} ${y}l16 -10v20Z" fill="${colour}"/>`;
    }).join(''),
  night: (rng) =>
    sky('#0d1b4c', '#3949ab', 'sky-night') +
    stars(rng, 40) +
    `<circle cx="${rng.int(560, 720)}" cy="90" r="40" fill="#fff9c4"/>` +
    ground('#1b3a2a') +
    spread(rng, 5, (x) => pine(x, rng.int(180, 260), '#10291e')) +
    Array.from(
      { length: 10 },
      () => `<circle cx="${rng.int(10, 790)}" cy="${rng.int(220, GROUND + 60)}" r="3" fill="#ccff90"/>`,
    ).join(''),
  sky: (rng) =>
    sky('#81d4fa', '#fff8e1', 'sky-sky') +
    sun(rng) +
    ['#e53935', '#fb8c00', '#fdd835', '#43a047', '#1e88e5', '#8e24aa']
      .map(
        (colour, i) =>
          `<path d="M${80 + i * 12} ${GROUND}A${320 - i * 12} ${300 - i * 12} 0 0 1 ${720 - i * 12} ${GROUND}" stroke="${colour}" stroke-width="12" fill="none" opacity="0.7"/>`,
      )
      .join('') +
    clouds(rng, 5) +
    `<ellipse cx="400" cy="${GROUND + 60}" rx="520" ry="110" fill="#ffffff"/>`,
};

export function drawScene(scene: SceneKind, rng: Rng): string {
  return (SCENES[scene] ?? SCENES.meadow)(rng);
}
