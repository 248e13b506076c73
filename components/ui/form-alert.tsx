const SIZES = {
  default: 'rounded-md px-3 py-2 text-sm',
  // Kid views: big type, soft corners, like the rest of the kid screens.
  kid: 'rounded-2xl px-4 py-3 text-lg font-medium',
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
    <p role="alert" className={`border border-red-200 bg-red-50 text-red-800 ${SIZES[size]}`}>
      {message}
    </p>
  );
}
