-- Why: the price list is public, but only what is on sale. Its read policy let every row through
-- (using (true)), retired packages included: a blank cheque the RLS guard refuses. Anyone may read the
-- packages that are on sale (active); a package taken off sale is nobody's to read through the API.
-- Purchases keep the credits and price they were bought at, and the pages that name a purchase's
-- package say "Credits" for a retired one.

drop policy "Anyone can read the credit packages" on public.credit_packages;

create policy "Anyone can read the credit packages on sale"
on public.credit_packages
for select
to anon, authenticated
using (active);

comment on table public.credit_packages is 'The one price list of credit packages. Anyone reads the ones on sale (active); purchases copy the credits and price they were bought at.';
