// What our migrations define, as sorted text lines, so two states of a database can be compared: after a
// migration's rollback the schema must read exactly as it did before the migration was applied. OIDs
// and column positions are left out (a rebuilt type or a re-added column gets new ones, harmlessly);
// names, definitions, grants (one line per privilege, so their order does not matter), policies,
// triggers, comments and RLS flags are in.

const OUR_SCHEMAS = `('public', 'private', 'audit')`;

export const schemaSnapshotSql = `
with ns as (select oid, nspname from pg_namespace where nspname in ${OUR_SCHEMAS})
select line from (
  select 'schema ' || n.nspname || ' grant ' || a.grantee::regrole || ' ' || a.privilege_type as line
    from ns n cross join lateral aclexplode(coalesce((select nspacl from pg_namespace where oid = n.oid), acldefault('n', (select nspowner from pg_namespace where oid = n.oid)))) a
  union all
  select 'relation ' || c.oid::regclass || ' ' || c.relkind::text || ' rls=' || c.relrowsecurity || ' force=' || c.relforcerowsecurity
         || ' comment=' || coalesce(obj_description(c.oid, 'pg_class'), '-')
    from pg_class c join ns n on n.oid = c.relnamespace where c.relkind in ('r', 'p', 'v', 'm', 'S', 'f')
  union all
  select 'relation ' || c.oid::regclass || ' grant ' || a.grantee::regrole || ' ' || a.privilege_type
    from pg_class c join ns n on n.oid = c.relnamespace cross join lateral aclexplode(coalesce(c.relacl, acldefault(case when c.relkind = 'S' then 's' else 'r' end::"char", c.relowner))) a
  union all
  select 'view ' || c.oid::regclass || ' ' || pg_get_viewdef(c.oid)
    from pg_class c join ns n on n.oid = c.relnamespace where c.relkind in ('v', 'm')
  union all
  select 'column ' || c.oid::regclass || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
         || case when a.attnotnull then ' not null' else '' end
         || coalesce(' default ' || pg_get_expr(d.adbin, d.adrelid), '')
         || case a.attgenerated when 's' then ' generated' else '' end
         || ' comment=' || coalesce(col_description(c.oid, a.attnum), '-')
    from pg_class c join ns n on n.oid = c.relnamespace
    join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
    left join pg_attrdef d on d.adrelid = c.oid and d.adnum = a.attnum
   where c.relkind in ('r', 'p', 'v', 'm', 'f')
  union all
  select 'column ' || c.oid::regclass || '.' || a.attname || ' grant ' || x.grantee::regrole || ' ' || x.privilege_type
    from pg_class c join ns n on n.oid = c.relnamespace
    join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
    cross join lateral aclexplode(a.attacl) x
   where a.attacl is not null
  union all
  select 'constraint ' || co.conrelid::regclass || ' ' || co.conname || ' ' || pg_get_constraintdef(co.oid)
    from pg_constraint co join ns n on n.oid = co.connamespace where co.conrelid <> 0
  union all
  select 'index ' || i.schemaname || '.' || i.indexname || ' ' || i.indexdef
    from pg_indexes i where i.schemaname in ${OUR_SCHEMAS}
  union all
  select 'policy ' || p.schemaname || '.' || p.tablename || ' "' || p.policyname || '" ' || p.permissive || ' ' || p.cmd
         || ' to ' || array_to_string(p.roles, ',') || ' using ' || coalesce(p.qual, '-') || ' check ' || coalesce(p.with_check, '-')
    from pg_policies p where p.schemaname in ${OUR_SCHEMAS}
  union all
  -- Triggers of ours on any table (auth.users and realtime.messages carry some), by their function's schema.
  select 'trigger ' || t.tgrelid::regclass || ' ' || t.tgname || ' ' || pg_get_triggerdef(t.oid)
    from pg_trigger t join pg_proc p on p.oid = t.tgfoid join pg_class c on c.oid = t.tgrelid
   where not t.tgisinternal
     and (p.pronamespace in (select oid from ns) or c.relnamespace in (select oid from ns))
  union all
  select 'function ' || p.oid::regprocedure || ' ' || pg_get_functiondef(p.oid)
         || ' comment=' || coalesce(obj_description(p.oid, 'pg_proc'), '-')
    from pg_proc p join ns n on n.oid = p.pronamespace where p.prokind in ('f', 'p', 'w')
  union all
  select 'function ' || p.oid::regprocedure || ' grant ' || a.grantee::regrole || ' ' || a.privilege_type
    from pg_proc p join ns n on n.oid = p.pronamespace
    cross join lateral aclexplode(coalesce(p.proacl, acldefault('f', p.proowner))) a
  union all
  select 'type ' || t.oid::regtype || ' ' || t.typtype::text
         || coalesce(' (' || (select string_agg(e.enumlabel, ',' order by e.enumsortorder) from pg_enum e where e.enumtypid = t.oid) || ')', '')
         || ' comment=' || coalesce(obj_description(t.oid, 'pg_type'), '-')
    from pg_type t join ns n on n.oid = t.typnamespace
   where t.typtype in ('e', 'd') or (t.typtype = 'c' and exists (select 1 from pg_class c where c.oid = t.typrelid and c.relkind = 'c'))
  union all
  select 'publication ' || p.pubname || ' ' || pt.schemaname || '.' || pt.tablename
    from pg_publication p join pg_publication_tables pt on pt.pubname = p.pubname where pt.schemaname in ${OUR_SCHEMAS}
) lines
order by line collate "C"`;
