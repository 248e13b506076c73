import { adminQuery } from '../../src/testing/clients';

// PostgREST's in-database configuration lives on the authenticator role and is reloaded by
// NOTIFY pgrst, 'reload config'; tests set it and wait until the stack behaves accordingly.

export async function setAuthenticatorSetting(
  name: string,
  value: string | null,
  query: (sql: string) => Promise<unknown> = adminQuery,
): Promise<void> {
  if (value === null) await query(`alter role authenticator reset pgrst.${name}`);
  else await query(`alter role authenticator set pgrst.${name} = '${value.replace(/'/g, "''")}'`);
  await query("notify pgrst, 'reload config'");
}

/** Polls `check` until it holds (the reload is asynchronous), failing after `timeoutMs`. */
export async function waitFor(check: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
