import { stackInfo } from '../../src/testing/clients';

// Raw HTTP to /rest/v1 with the anon key, for requests postgrest-js cannot make (other Content-Types,
// malformed Prefer or Accept headers, odd methods).

export function restUrl(path: string, url = stackInfo().url): string {
  return `${url}/rest/v1${path}`;
}

export function rest(path: string, init: RequestInit = {}, url?: string): Promise<Response> {
  const headers = new Headers(init.headers);
  if (!headers.has('apikey')) headers.set('apikey', stackInfo().anonKey);
  return fetch(restUrl(path, url), { ...init, headers });
}

/** Status, the headers a test looks at, and the body (parsed when it is JSON). */
export async function answer(res: Response): Promise<{ status: number; type: string | null; body: unknown }> {
  const text = await res.text();
  const type = res.headers.get('content-type');
  let body: unknown = text;
  if (type?.startsWith('application/json')) body = JSON.parse(text);
  return { status: res.status, type, body };
}
