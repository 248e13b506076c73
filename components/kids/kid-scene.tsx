/**
 * A little landscape (sun, hills, an open book) across the top of kid pages: decoration only. The sky
 * and hills stretch to any width; the sun and the book are drawn apart, at their own proportions, so a
 * phone does not squash the sun into an egg nor a tablet stretch the book.
 */
export function KidScene() {
  return (
    <div className="relative h-20 w-full sm:h-24" aria-hidden="true">
      <svg
        aria-hidden="true"
        viewBox="0 0 600 90"
        className="absolute inset-0 block h-full w-full"
        preserveAspectRatio="none"
      >
        <rect width="600" height="90" className="fill-kid-sky" />
        <path d="M0 70 Q 120 30 240 65 T 480 60 T 600 55 V 90 H 0 Z" className="fill-kid-leaf opacity-40" />
        <path d="M0 80 Q 150 55 300 78 T 600 72 V 90 H 0 Z" className="fill-kid-canvas" />
      </svg>
      <svg aria-hidden="true" viewBox="0 0 40 40" className="absolute top-2 right-[10%] h-10 w-10 sm:h-12 sm:w-12">
        <circle cx="20" cy="20" r="18" className="fill-kid-sun" />
      </svg>
      <svg
        aria-hidden="true"
        viewBox="0 0 64 40"
        className="absolute bottom-3 left-1/2 h-10 w-16 -translate-x-1/2 sm:h-12 sm:w-20"
      >
        <g transform="translate(2 2)">
          <path
            d="M0 6 Q 15 0 30 6 V 34 Q 15 28 0 34 Z"
            className="fill-kid-surface stroke-kid-accent"
            strokeWidth="2"
          />
          <path
            d="M30 6 Q 45 0 60 6 V 34 Q 45 28 30 34 Z"
            className="fill-kid-surface stroke-kid-accent"
            strokeWidth="2"
          />
        </g>
      </svg>
    </div>
  );
}
