// `npm run test:mutants [-- --quick] [-- --only <id>,<id>]`: the mutation gate (full by default). Each known weakening in
// supabase/tests/mutants/mutants.ts is applied alone to a scratch copy of the freshly migrated database
// (a new database from a template, with its own stack on free ports), the tests named with it run
// against that stack, and the mutant is killed when at least one fails. Exits 1 if any survives, if one
// no longer applies (or changes nothing), or if the tests fail on the unweakened copy.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import {
  applyBootstrap,
  freePort,
  freeStackPorts,
  loadConfig,
  migrate,
  type RunningStack,
  startStack,
} from 'supabase-local';
import { TEST_RUNNER_IS_PROXY, type TestStackInfo, testStackInfo } from 'supabase-local/testing';
import { MUTANTS, type Mutant } from '../supabase/tests/mutants/mutants';

const ROOT = process.cwd();
const SUPABASE_DIR = path.resolve('supabase');
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const onlyIndex = args.indexOf('--only');
const only = onlyIndex >= 0 ? args[onlyIndex + 1].split(',') : null;
// Quick mode (CI): the quick subset, each against the first (most direct) of its test files only.
const mutants = MUTANTS.filter((m) => (only ? only.includes(m.id) : !quick || m.quick)).map((m) =>
  quick ? { ...m, tests: m.tests.slice(0, 1), access: m.tests[0].includes('/access/') ? m.access : [] } : m,
);
if (mutants.length === 0) throw new Error('no mutant selected');

const withDatabase = (url: string, name: string) => {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
};

async function query(url: string, sql: string, params: unknown[] = []) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/** Everything a mutant may touch, as text: policies, function bodies, triggers, constraints and privileges. */
const FINGERPRINT = `
  select md5(string_agg(x, E'\\n' order by x)) as fingerprint from (
    select format('%s %s %s %s %s %s', schemaname, tablename, policyname, roles, qual, with_check) from pg_policies
    union all
    select pg_get_functiondef(p.oid) || coalesce(p.proacl::text, '') from pg_proc p
      join pg_namespace n on n.oid = p.pronamespace where n.nspname in ('public', 'private', 'audit') and p.prokind = 'f'
    union all
    select pg_get_triggerdef(t.oid) from pg_trigger t where not t.tgisinternal
    union all
    select co.conrelid::regclass::text || ' ' || co.conname || ' ' || pg_get_constraintdef(co.oid) from pg_constraint co
      join pg_namespace n on n.oid = co.connamespace where n.nspname in ('public', 'private', 'audit')
    union all
    select c.oid::regclass::text || coalesce(c.relacl::text, '') || coalesce((select string_agg(a.attacl::text, ',')
      from pg_attribute a where a.attrelid = c.oid and a.attacl is not null), '')
      from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname in ('public', 'private', 'audit')
  ) s(x)`;

/** The mutant's SQL: as written, or its text replacement in the function's current definition. */
async function mutantSql(url: string, mutant: Mutant): Promise<string> {
  if ('sql' in mutant) return mutant.sql;
  const [{ def }] = await query(url, 'select pg_get_functiondef($1::regprocedure) as def', [mutant.fn]);
  const count = (def as string).split(mutant.from).length - 1;
  if (count !== 1) throw new Error(`"${mutant.from}" occurs ${count} times in ${mutant.fn}, not once`);
  return (def as string).replace(mutant.from, mutant.to);
}

interface RunResult {
  passed: number;
  failed: number;
  failures: string[];
}

/**
 * Runs test files against a given stack (the db project's global setup attaches to it). The mutant's SQL
 * goes along (TF_MUTANT_SQL) for tests that also build a scratch database of their own.
 */
async function runTests(
  stack: RunningStack,
  files: string[],
  access: string[] | undefined,
  mutant?: string,
): Promise<RunResult> {
  const out = path.join(await mkdtemp(path.join(tmpdir(), 'tf-mutant-report-')), 'report.json');
  const info: TestStackInfo = testStackInfo(stack, SUPABASE_DIR);
  const vitest = path.join(ROOT, 'node_modules/.bin/vitest');
  const argv = ['run', '--project', 'db', '--reporter=json', `--outputFile=${out}`, ...files];
  const env = {
    ...process.env,
    TF_TEST_STACK: JSON.stringify(info),
    TF_ACCESS_ONLY: (access ?? ['none']).join(','),
    ...(mutant ? { TF_MUTANT_SQL: mutant } : {}),
  };
  await new Promise<void>((resolve) => {
    const child = spawn(vitest, argv, { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('exit', () => resolve());
  });
  const report = JSON.parse(await readFile(out, 'utf8').catch(() => '{}')) as {
    numPassedTests?: number;
    numFailedTests?: number;
    numFailedTestSuites?: number;
    testResults?: { name: string; assertionResults: { status: string; fullName: string }[]; message?: string }[];
  };
  await rm(path.dirname(out), { recursive: true, force: true });
  if (report.numPassedTests === undefined) throw new Error('vitest wrote no report');
  const failures = (report.testResults ?? []).flatMap((file) => [
    ...file.assertionResults
      .filter((a) => a.status === 'failed')
      .map((a) => `${path.basename(file.name)}: ${a.fullName}`),
    ...(file.message ? [`${path.basename(file.name)}: ${file.message.split('\n')[0]}`] : []),
  ]);
  return {
    passed: report.numPassedTests,
    failed: (report.numFailedTests ?? 0) + (report.numFailedTestSuites ?? 0),
    failures,
  };
}

const config = loadConfig(SUPABASE_DIR);
const dataDir = await mkdtemp(path.join(tmpdir(), 'tf-mutants-'));
console.log(`test:mutants: ${mutants.length} mutant(s)${quick ? ' (quick subset)' : ''}`);
// One Postgres cluster for everything; the stack started here only provides it.
const base = await startStack({
  supabaseDir: SUPABASE_DIR,
  overrides: {
    dataDir,
    ...(await freeStackPorts()),
    databaseUrl: undefined,
  },
  reset: true,
  seed: false,
  ephemeral: true,
});
const template = 'tf_mutant_template';
await query(base.adminDbUrl, `create database ${template}`);
await applyBootstrap(withDatabase(base.adminDbUrl, template), { autoExposeNewTables: config.autoExposeNewTables });
await migrate(withDatabase(base.dbUrl, template), SUPABASE_DIR);

/** A scratch copy of the template with its own stack, optionally weakened, for one run of the tests. */
async function onScratchCopy<T>(name: string, work: (stack: RunningStack, adminUrl: string) => Promise<T>) {
  await query(base.adminDbUrl, `create database ${name} template ${template}`);
  const adminUrl = withDatabase(base.adminDbUrl, name);
  const stackDir = await mkdtemp(path.join(tmpdir(), 'tf-mutant-stack-'));
  const stack = await startStack({
    supabaseDir: SUPABASE_DIR,
    overrides: {
      dataDir: stackDir,
      apiPort: await freePort(),
      mailPort: await freePort(),
      smtpPort: await freePort(),
      databaseUrl: adminUrl,
      // As in the db project's own stack: each test names its client's address, so the sign-up and
      // sign-in rate limits count per test user, not for the whole run from 127.0.0.1.
      trustedProxies: TEST_RUNNER_IS_PROXY,
    },
    seed: false,
  });
  try {
    return await work(stack, adminUrl);
  } finally {
    await stack.stop();
    await query(base.adminDbUrl, `drop database ${name} with (force)`);
    await rm(stackDir, { recursive: true, force: true });
  }
}

const outcomes: { id: string; verdict: 'killed' | 'SURVIVED' | 'ERROR'; note: string }[] = [];
let baselineOk = true;
try {
  // The tests must pass on the copy as it is, or a "kill" would mean nothing. In quick mode (CI) the
  // full suite that runs next, unweakened, is that baseline.
  if (quick) {
    console.log('baseline: skipped in quick mode (npm test runs the same files on the unweakened schema)');
  } else {
    const files = [...new Set(mutants.flatMap((m) => m.tests))];
    const access = [...new Set(mutants.flatMap((m) => m.access ?? []))];
    const baseline = await onScratchCopy('tf_mutant_baseline', (stack) => runTests(stack, files, access));
    console.log(`baseline: ${baseline.passed} passed, ${baseline.failed} failed on the unweakened schema`);
    if (baseline.failed > 0 || baseline.passed === 0) {
      baselineOk = false;
      for (const f of baseline.failures) console.log(`  baseline failure: ${f}`);
    }
  }

  for (const [i, mutant] of mutants.entries()) {
    if (!baselineOk) break;
    const started = Date.now();
    try {
      const result = await onScratchCopy(`tf_mutant_${i}`, async (stack, adminUrl) => {
        const sql = await mutantSql(adminUrl, mutant);
        const [before] = await query(adminUrl, FINGERPRINT);
        await query(adminUrl, sql);
        const [after] = await query(adminUrl, FINGERPRINT);
        if (before.fingerprint === after.fingerprint) throw new Error('the mutant changes nothing');
        await query(adminUrl, `notify pgrst, 'reload schema'`);
        await new Promise((resolve) => setTimeout(resolve, 500));
        return runTests(stack, mutant.tests, mutant.access, sql);
      });
      const seconds = Math.round((Date.now() - started) / 1000);
      if (result.failed === 0 && result.passed === 0) {
        outcomes.push({ id: mutant.id, verdict: 'ERROR', note: 'no test ran' });
      } else if (result.failed > 0) {
        outcomes.push({ id: mutant.id, verdict: 'killed', note: `${result.failures[0] ?? ''} (${seconds} s)` });
      } else {
        outcomes.push({ id: mutant.id, verdict: 'SURVIVED', note: `${result.passed} tests passed: ${mutant.rule}` });
      }
    } catch (error) {
      outcomes.push({ id: mutant.id, verdict: 'ERROR', note: (error as Error).message });
    }
    const last = outcomes.at(-1);
    console.log(`${last?.verdict.padEnd(8)} ${mutant.id}  ${last?.note}`);
  }
} finally {
  await base.stop();
  await rm(dataDir, { recursive: true, force: true });
}

const count = (v: string) => outcomes.filter((o) => o.verdict === v).length;
console.log(
  `test:mutants: ${count('killed')} killed, ${count('SURVIVED')} survived, ${count('ERROR')} could not run, of ${mutants.length}`,
);
process.exit(baselineOk && count('killed') === mutants.length ? 0 : 1);
