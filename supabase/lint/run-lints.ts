import pg from 'pg';
import { ALLOWED_FINDINGS, type AllowedFinding } from './allow-list';
import { LINTS, type LintLevel } from './lints';

export interface Finding {
  lint: string;
  level: LintLevel;
  category: string;
  object: string;
  detail: string;
  remedy: string;
  /** `<lint>:<object>`, what the allow-list names. */
  key: string;
}

export interface LintReport {
  findings: Finding[];
  /** Findings not on the allow-list: each one fails the gate. */
  failures: Finding[];
  /** Allow-list entries that matched nothing: stale, they fail the gate too. */
  stale: AllowedFinding[];
}

/** Runs every lint against the database at `url` (a superuser or the owner sees the whole catalog). */
export async function runLints(
  url: string,
  exposedSchemas: string[],
  allowList: AllowedFinding[] = ALLOWED_FINDINGS,
): Promise<LintReport> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const findings: Finding[] = [];
  try {
    // regprocedure and regrole print schema-qualified names only when the schema is not on the path.
    await client.query(`set search_path = ''`);
    for (const lint of LINTS) {
      const params = lint.sql.includes('$1') ? [exposedSchemas] : [];
      const { rows } = await client.query<{ object: string; detail: string }>(lint.sql, params);
      for (const row of rows) {
        findings.push({
          lint: lint.name,
          level: lint.level,
          category: lint.category,
          object: row.object,
          detail: row.detail,
          remedy: lint.remedy,
          key: `${lint.name}:${row.object}`,
        });
      }
    }
  } finally {
    await client.end();
  }
  findings.sort((a, b) => a.key.localeCompare(b.key));
  const allowed = new Set(allowList.map((a) => a.key));
  const found = new Set(findings.map((f) => f.key));
  return {
    findings,
    failures: findings.filter((f) => !allowed.has(f.key)),
    stale: allowList.filter((a) => !found.has(a.key)),
  };
}

/** The report as the terminal shows it: one block per finding, then the verdict. */
export function formatReport(report: LintReport): string {
  const allowed = new Set(ALLOWED_FINDINGS.map((a) => a.key));
  const lines: string[] = [];
  for (const f of report.findings) {
    const tag = allowed.has(f.key) ? 'allowed' : f.level;
    lines.push(`${tag.padEnd(7)} ${f.lint}  ${f.object}`, `        ${f.detail}`, `        fix: ${f.remedy}`);
  }
  for (const s of report.stale) {
    lines.push(`STALE   allow-list entry ${s.key} matches no finding: remove it from supabase/lint/allow-list.ts`);
  }
  const allowedCount = report.findings.length - report.failures.length;
  lines.push(
    `db:lint: ${report.findings.length} finding(s), ${allowedCount} allowed, ${report.failures.length} failing, ${report.stale.length} stale allow-list entr${report.stale.length === 1 ? 'y' : 'ies'}`,
  );
  return lines.join('\n');
}
