import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { anonClient, stackInfo } from '../../src/testing/clients';
import { generateDatabaseTypes } from '../../src/types-gen';

// `db:types` on the conformance fixtures (rest.sql, rest_transactions.sql, types_gen.sql in public):
// the text `supabase gen types typescript` would give for each kind of object, and a compile of the
// file with supabase-js's typed client, whose inferred results must match what /rest/v1 answers.
let generated = '';
beforeAll(async () => {
  generated = await generateDatabaseTypes(stackInfo().dbUrl);
});

/** The `name: …` entry of a section: its lines up to its closing brace, or to the next entry. */
function entry(name: string, indent = '      '): string {
  const lines = generated.split('\n');
  const start = lines.findIndex((l) => l.startsWith(`${indent}${name}:`));
  if (start < 0) throw new Error(`no entry ${name}`);
  const out = [lines[start]];
  for (const line of lines.slice(start + 1)) {
    const depth = line.length - line.trimStart().length;
    if (depth < indent.length || (depth === indent.length && line.trim() !== '}')) break;
    out.push(line);
    if (depth === indent.length) break;
  }
  return out.join('\n');
}

describe('db:types on the fixture schema', () => {
  it('tables: identity and generated columns take no values, defaults and nullables are optional', () => {
    expect(entry('rt_moods')).toBe(`      rt_moods: {
        Row: {
          id: number
          mood: Database["public"]["Enums"]["rt_mood"]
          history: Database["public"]["Enums"]["rt_mood"][] | null
          spot: Database["public"]["CompositeTypes"]["rt_point"] | null
          doubled: number | null
        }
        Insert: {
          id?: never
          mood?: Database["public"]["Enums"]["rt_mood"]
          history?: Database["public"]["Enums"]["rt_mood"][] | null
          spot?: Database["public"]["CompositeTypes"]["rt_point"] | null
          doubled?: never
        }
        Update: {
          id?: never
          mood?: Database["public"]["Enums"]["rt_mood"]
          history?: Database["public"]["Enums"]["rt_mood"][] | null
          spot?: Database["public"]["CompositeTypes"]["rt_point"] | null
          doubled?: never
        }
        Relationships: []
      }`);
  });

  it('relationships: one-to-one when the FK columns are a unique key; FKs to views exposing the key too', () => {
    expect(entry('rt_channel_details')).toContain(`        Relationships: [
          {
            foreignKeyName: "rt_channel_details_id_fkey"
            columns: ["id"]
            isOneToOne: true
            referencedRelation: "rt_channels"
            referencedColumns: ["id"]
          },
        ]`);
    // Sorted by constraint name, then referenced relation; rt_users_view exposes rt_users.username.
    const names = [...entry('rt_messages').matchAll(/foreignKeyName: "(\w+)"\n.*\n.*isOneToOne: (\w+)\n.*"(\w+)"/g)];
    expect(names.map((m) => `${m[1]} ${m[2]} ${m[3]}`)).toEqual([
      'rt_messages_channel_id_fkey false rt_channels',
      'rt_messages_reviewer_fkey false rt_users',
      'rt_messages_reviewer_fkey false rt_users_view',
      'rt_messages_username_fkey false rt_users',
      'rt_messages_username_fkey false rt_users_view',
    ]);
  });

  it('views: updatable ones get optional nullable Insert/Update, others Row only; both inherit FKs', () => {
    const counts = entry('rt_channel_counts');
    expect(counts).toContain(`        Row: {
          channel_id: number | null
          messages: number | null
        }
        Relationships: [`);
    expect(counts).not.toContain('Insert');
    expect(counts).toContain('foreignKeyName: "rt_messages_channel_id_fkey"');
    expect(entry('rt_users_view')).toBe(`      rt_users_view: {
        Row: {
          username: string | null
          status: string | null
        }
        Insert: {
          username?: string | null
          status?: string | null
        }
        Update: {
          username?: string | null
          status?: string | null
        }
        Relationships: []
      }`);
  });

  it('functions: defaults optional, set-returning arrays, TABLE results as objects, overloads as a union', () => {
    expect(entry('rt_add')).toBe(`      rt_add: {
        Args: {
          a: number
          b?: number
        }
        Returns: number
      }`);
    expect(entry('rt_users_by_status')).toContain('Returns: Database["public"]["Tables"]["rt_users"]["Row"][]');
    expect(entry('rt_numbers')).toContain('Returns: number[]');
    expect(entry('rt_user_stats')).toContain(`        Returns: {
            username: string
            message_count: number
          }[]`);
    expect(entry('rt_origin_point')).toBe(`      rt_origin_point: {
        Args: {
          label?: string
        }
        Returns: Database["public"]["CompositeTypes"]["rt_point"]
      }`);
    expect(entry('rt_echo')).toContain('"": Json');
    expect(entry('rt_over')).toBe(`      rt_over:
        | {
            Args: {
              a: number
            }
            Returns: string
          }
        | {
            Args: {
              a: number
              b: number
            }
            Returns: string
          }
        | {
            Args: {
              a: string
            }
            Returns: string
          }`);
    // Trigger functions are not callable through /rpc.
    expect(generated).not.toContain('rt_touch');
  });

  it('enums and composite types, with the enum constants', () => {
    expect(entry('Enums', '    ')).toBe(`    Enums: {
      pj_user_status: "ONLINE" | "OFFLINE"
      rt_mood: "happy" | "sad" | "so-so"
    }`);
    expect(entry('CompositeTypes', '    ')).toBe(`    CompositeTypes: {
      rt_point: {
        x: number | null
        y: number | null
        label: string | null
      }
    }`);
    expect(generated).toContain(`export const Constants = {
  public: {
    Enums: {
      pj_user_status: ["ONLINE", "OFFLINE"],
      rt_mood: ["happy", "sad", "so-so"],
    },
  },
} as const`);
  });

  it('compiles, and supabase-js infers from it the shapes /rest/v1 returns', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'types-gen-'));
    try {
      await writeFile(path.join(dir, 'database.types.ts'), generated);
      await writeFile(path.join(dir, 'check.ts'), TYPE_CHECKS);
      expect(compile(dir)).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    // The same queries at run time: the one-to-one embed is an object (or null), the many-to-one one too.
    const db = anonClient();
    const channels = await db.from('rt_channels').select('slug, rt_channel_details(details)').eq('slug', 'public');
    expect(channels.data).toEqual([{ slug: 'public', rt_channel_details: { details: 'The main channel' } }]);
    const messages = await db.from('rt_messages').select('id, rt_channels(slug)').eq('id', 1);
    expect(messages.data).toEqual([{ id: 1, rt_channels: { slug: 'public' } }]);
    expect((await db.rpc('rt_over', { a: 1, b: 2 })).data).toBe('two');
  });
});

// Exact-type assertions; `@ts-expect-error` fails the compile if the line it guards type-checks.
const TYPE_CHECKS = `
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database, Enums, Tables } from './database.types';

type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function assert<T extends true>(): T | undefined { return undefined; }
declare const db: SupabaseClient<Database>;

export async function checks() {
  const channels = await db.from('rt_channels').select('slug, rt_channel_details(details)');
  assert<Equals<typeof channels.data, { slug: string; rt_channel_details: { details: string | null } | null }[] | null>>();
  const messages = await db.from('rt_messages').select('id, rt_channels(slug)');
  assert<Equals<typeof messages.data, { id: number; rt_channels: { slug: string } }[] | null>>();
  const over = await db.rpc('rt_over', { a: 1, b: 2 });
  assert<Equals<typeof over.data, string | null>>();
  assert<Equals<Enums<'rt_mood'>, 'happy' | 'sad' | 'so-so'>>();
  assert<Equals<Tables<'rt_moods'>['spot'], { x: number | null; y: number | null; label: string | null } | null>>();
  await db.from('rt_moods').insert({ mood: 'sad' });
  // @ts-expect-error: identity ALWAYS takes no value
  await db.from('rt_moods').insert({ id: 1 });
  // @ts-expect-error: not a mood
  await db.from('rt_moods').insert({ mood: 'angry' });
  // @ts-expect-error: an aggregate view cannot be written
  await db.from('rt_channel_counts').insert({ channel_id: 1 });
  await db.from('rt_users_view').insert({ username: 'x' });
  await db.rpc('rt_add', { a: 1 });
  // @ts-expect-error: a has no default
  await db.rpc('rt_add', { b: 1 });
}
`;

function compile(dir: string): string[] {
  const supabaseJs = path.dirname(createRequire(import.meta.url).resolve('@supabase/supabase-js/package.json'));
  const program = ts.createProgram([path.join(dir, 'check.ts')], {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    types: [],
    paths: { '@supabase/supabase-js': [supabaseJs] },
  });
  return ts
    .getPreEmitDiagnostics(program)
    .map(
      (d) => `${d.file ? path.basename(d.file.fileName) : ''}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`,
    );
}
