-- Undoes 20261201150000_credit_packages_on_sale.sql.
drop policy "Anyone can read the credit packages on sale" on public.credit_packages;

create policy "Anyone can read the credit packages"
on public.credit_packages
for select
to anon, authenticated
using (true);

comment on table public.credit_packages is 'The one price list of credit packages. Read by everyone; purchases copy the credits and price they were bought at.';
