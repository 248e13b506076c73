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

// The variable may be set in the shell running the tests; each test starts without it.
const outer = process.env.SUPABASE_LOCAL_DEFAULT_GRANTS;
beforeEach(() => {
  delete process.env.SUPABASE_LOCAL_DEFAULT_GRANTS;
});
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
afterAll(() => {
  if (outer === undefined) delete process.env.SUPABASE_LOCAL_DEFAULT_GRANTS;
  else process.env.SUPABASE_LOCAL_DEFAULT_GRANTS = outer;
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
