// Shared by server actions and the client components that call them (so no 'server-only' here).
export type FieldErrors = Partial<Record<string, string[]>>;

export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: string; fieldErrors?: FieldErrors };
