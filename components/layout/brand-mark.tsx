// The favicon's drawing (app/icon.svg) inline: an open book whose path forks.
export function BrandMark({ className = '' }: { className?: string }) {
  return (
    <svg viewBox="0 0 64 64" aria-hidden="true" className={className}>
      <rect width="64" height="64" rx="14" fill="#4f3fb8" />
      <path d="M12 18c6-3 13-3 20 1v30c-7-4-14-4-20-1z" fill="#fff" />
      <path d="M52 18c-6-3-13-3-20 1v30c7-4 14-4 20-1z" fill="#e8e4ff" />
      <path
        d="M32 40v-8m0 0-6-7m6 7 6-7"
        stroke="#f08a4b"
        strokeWidth="3.5"
        strokeLinecap="round"
        strokeLinejoin="round"
        fill="none"
      />
      <circle cx="26" cy="24" r="2.6" fill="#f08a4b" />
      <circle cx="38" cy="24" r="2.6" fill="#f08a4b" />
    </svg>
  );
}
