/** A little landscape (sun, hills, an open book) across the top of kid pages: decoration only. */
export function KidScene() {
  return (
    <svg viewBox="0 0 600 90" className="block h-20 w-full sm:h-24" aria-hidden="true" preserveAspectRatio="none">
      <rect width="600" height="90" className="fill-kid-sky" />
      <circle cx="520" cy="30" r="18" className="fill-kid-sun" />
      <path d="M0 70 Q 120 30 240 65 T 480 60 T 600 55 V 90 H 0 Z" className="fill-kid-leaf opacity-40" />
      <path d="M0 80 Q 150 55 300 78 T 600 72 V 90 H 0 Z" className="fill-kid-canvas" />
      <g transform="translate(270 38)">
        <path d="M0 6 Q 15 0 30 6 V 34 Q 15 28 0 34 Z" className="fill-kid-surface stroke-kid-accent" strokeWidth="2" />
        <path
          d="M30 6 Q 45 0 60 6 V 34 Q 45 28 30 34 Z"
          className="fill-kid-surface stroke-kid-accent"
          strokeWidth="2"
        />
      </g>
    </svg>
  );
}
