import { describe, expect, it } from 'vitest';
import { splitSqlStatements } from './sql-split';

describe('splitSqlStatements', () => {
  it('splits on top-level semicolons', () => {
    expect(splitSqlStatements('create table a(id int);\nselect 1;')).toEqual(['create table a(id int);', 'select 1;']);
  });

  it('keeps semicolons inside strings, identifiers, dollar quotes and comments', () => {
    const sql = [
      "insert into t values ('a;b', 'it''s;');",
      'create table "odd;name"(id int);',
      'create function f() returns int language plpgsql as $body$ begin return 1; end $body$;',
      'do $$ begin perform 1; end $$;',
      '/* outer /* nested; */ still; */ select 2; -- trailing; comment',
    ].join('\n');
    const statements = splitSqlStatements(sql);
    expect(statements).toHaveLength(5);
    expect(statements[2]).toContain('return 1; end $body$;');
    expect(statements[4]).toBe('/* outer /* nested; */ still; */ select 2;');
  });

  it('drops empty statements and comment-only tails', () => {
    expect(splitSqlStatements(';;\n-- only a comment\n')).toEqual([]);
    expect(splitSqlStatements('select 1')).toEqual(['select 1']);
  });
});
