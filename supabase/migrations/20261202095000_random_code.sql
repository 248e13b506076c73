-- Why: family codes, and from the next migration live sessions' join codes, are drawn the same way
-- (an alphabet without look-alikes, so a child can read and type them); one function draws them.

create function private.random_code(p_length int)
returns text
language sql
volatile
set search_path = ''
as $$
  select string_agg(substr('ABCDEFGHJKMNPQRSTUVWXYZ23456789', 1 + get_byte(extensions.gen_random_bytes(1), 0) % 31, 1), '')
    from generate_series(1, p_length);
$$;
comment on function private.random_code(int) is 'p_length random characters from A-Z and 2-9 without look-alikes (0/O, 1/I/L): codes people read and type.';
revoke execute on function private.random_code(int) from public;

-- Six characters a child can type, unique among families.
create or replace function private.new_family_code()
returns text
language plpgsql
volatile
set search_path = ''
as $$
declare
  v_code text;
begin
  loop
    v_code := private.random_code(6);
    exit when not exists (select 1 from public.families f where f.code = v_code);
  end loop;
  return v_code;
end;
$$;
