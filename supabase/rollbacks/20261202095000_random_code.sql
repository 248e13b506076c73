-- Undoes 20261202095000_random_code.sql: new_family_code as 20261122010000 made it.
create or replace function private.new_family_code()
returns text
language plpgsql
volatile
set search_path = ''
as $$
declare
  alphabet constant text := 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
  v_code text;
begin
  loop
    v_code := '';
    for i in 1..6 loop
      v_code := v_code || substr(alphabet, 1 + get_byte(extensions.gen_random_bytes(1), 0) % length(alphabet), 1);
    end loop;
    exit when not exists (select 1 from public.families f where f.code = v_code);
  end loop;
  return v_code;
end;
$$;
drop function if exists private.random_code(int);
