const SIZES = {
  default: 'rounded-md px-3 py-2 text-sm',
  // Kid views: big type, soft corners, like the rest of the kid screens.
  kid: 'rounded-kid px-4 py-3 text-lg font-medium',
};

export function FormAlert({
  message,
  size = 'default',
}: {
  message: string | null | undefined;
  size?: keyof typeof SIZES;
}) {
  if (!message) return null;
  return (
    <p role="alert" className={`border border-danger/30 bg-danger-soft text-danger ${SIZES[size]}`}>
      {message}
    </p>
  );
}

/** "Saved.", "Consent recorded.": a polite announcement of what just happened. */
export function FormStatus({ message }: { message: string | null | undefined }) {
  if (!message) return null;
  return (
    <p role="status" className="text-sm text-success">
      {message}
    </p>
  );
}
