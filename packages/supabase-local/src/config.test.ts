import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from './config';

const dirs: string[] = [];
function project(toml: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'config-test-'));
  dirs.push(dir);
  writeFileSync(path.join(dir, 'config.toml'), toml);
  return dir;
}

// The variables may be set in the shell running the tests; each test starts without them.
const VARIABLES = [
  'SUPABASE_LOCAL_DEFAULT_GRANTS',
  'SUPABASE_LOCAL_TRUSTED_PROXIES',
  'SUPABASE_LOCAL_TRUSTED_PROXY_HOPS',
  'SUPABASE_LOCAL_SB_FORWARDED_FOR',
];
const outer = Object.fromEntries(VARIABLES.map((name) => [name, process.env[name]]));
beforeEach(() => {
  for (const name of VARIABLES) delete process.env[name];
});
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
afterAll(() => {
  for (const name of VARIABLES) {
    if (outer[name] === undefined) delete process.env[name];
    else process.env[name] = outer[name];
  }
});

describe('[api] auto_expose_new_tables', () => {
  it('is off unless config.toml turns it on, as for new hosted projects', () => {
    expect(loadConfig(project('[api]\nport = 54321\n')).autoExposeNewTables).toBe(false);
    expect(loadConfig(project('[api]\nauto_expose_new_tables = false\n')).autoExposeNewTables).toBe(false);
    expect(loadConfig(project('[api]\nauto_expose_new_tables = true\n')).autoExposeNewTables).toBe(true);
  });

  it('SUPABASE_LOCAL_DEFAULT_GRANTS=legacy|new wins over config.toml', () => {
    process.env.SUPABASE_LOCAL_DEFAULT_GRANTS = 'legacy';
    expect(loadConfig(project('[api]\nauto_expose_new_tables = false\n')).autoExposeNewTables).toBe(true);
    process.env.SUPABASE_LOCAL_DEFAULT_GRANTS = 'new';
    expect(loadConfig(project('[api]\nauto_expose_new_tables = true\n')).autoExposeNewTables).toBe(false);
  });

  it('refuses values it cannot read instead of guessing', () => {
    process.env.SUPABASE_LOCAL_DEFAULT_GRANTS = 'yes';
    expect(() => loadConfig(project(''))).toThrow(
      'SUPABASE_LOCAL_DEFAULT_GRANTS must be "legacy" or "new", not "yes".',
    );
    delete process.env.SUPABASE_LOCAL_DEFAULT_GRANTS;
    expect(() => loadConfig(project('[api]\nauto_expose_new_tables = "true"\n'))).toThrow(
      'config.toml: [api] auto_expose_new_tables must be true or false, not "true".',
    );
  });
});

describe('forwarded client addresses', () => {
  it('trusts no proxy by default and honours Sb-Forwarded-For (with a secret key) unless switched off', () => {
    const config = loadConfig(project('[api]\nport = 54321\n'));
    expect(config.trustedProxies).toEqual({ addresses: [], hops: 0 });
    expect(config.auth.sbForwardedFor).toBe(true);
    process.env.SUPABASE_LOCAL_SB_FORWARDED_FOR = 'false';
    expect(loadConfig(project('')).auth.sbForwardedFor).toBe(false);
  });

  it('reads trusted proxies and hops from the environment, refusing what it cannot parse', () => {
    process.env.SUPABASE_LOCAL_TRUSTED_PROXIES = '10.0.0.0/8, 127.0.0.1,::1';
    process.env.SUPABASE_LOCAL_TRUSTED_PROXY_HOPS = '2';
    expect(loadConfig(project('')).trustedProxies).toEqual({ addresses: ['10.0.0.0/8', '127.0.0.1', '::1'], hops: 2 });
    process.env.SUPABASE_LOCAL_TRUSTED_PROXIES = 'proxy.internal';
    expect(() => loadConfig(project(''))).toThrow(
      'SUPABASE_LOCAL_TRUSTED_PROXIES: not an IP address or CIDR: "proxy.internal".',
    );
    process.env.SUPABASE_LOCAL_TRUSTED_PROXIES = '';
    process.env.SUPABASE_LOCAL_TRUSTED_PROXY_HOPS = '-1';
    expect(() => loadConfig(project(''))).toThrow(
      'SUPABASE_LOCAL_TRUSTED_PROXY_HOPS must be a whole number, not "-1".',
    );
    process.env.SUPABASE_LOCAL_TRUSTED_PROXY_HOPS = '';
    process.env.SUPABASE_LOCAL_SB_FORWARDED_FOR = 'yes';
    expect(() => loadConfig(project(''))).toThrow('SUPABASE_LOCAL_SB_FORWARDED_FOR must be "true" or "false"');
  });
});
