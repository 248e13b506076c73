import { getCurrentMember } from '@/lib/auth/current-member';
import { ledgerToCsv } from '@/lib/credits/ledger-csv';
import { parseLedgerFilter } from '@/lib/credits/ledger-filter';
import { getWallet, getWholeLedger } from '@/lib/credits/queries';
import { getFamily, getFamilyMembers } from '@/lib/family/queries';
import { createClient } from '@/lib/supabase/server';

// The billing view's ledger as CSV, with the same filter (the query string) and the same RLS: it reads
// as the signed-in parent, so it can only ever contain their family's rows.
export async function GET(request: Request) {
  const member = (await getCurrentMember())?.member;
  if (member?.role !== 'parent') return new Response('Only a parent can download the ledger.', { status: 403 });
  const { familyId } = member;
  const supabase = await createClient();
  const filter = parseLedgerFilter(new URL(request.url).searchParams);
  const wallet = await getWallet(supabase, { familyId });
  const [family, rows, members] = await Promise.all([
    getFamily(supabase, { familyId }),
    getWholeLedger(supabase, { walletId: wallet.id, filter }),
    getFamilyMembers(supabase, { familyId }),
  ]);
  const names = new Map(members.map((m) => [m.user_id, m.displayName]));
  const csv = ledgerToCsv(
    [...rows]
      .reverse()
      .map((row) => ({ ...row, actor_name: row.actor_id ? (names.get(row.actor_id) ?? null) : 'Tale Forge' })),
    family.time_zone,
  );
  const day = new Date().toISOString().slice(0, 10);
  return new Response(csv, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="tale-forge-credits-${day}.csv"`,
      'cache-control': 'no-store',
    },
  });
}
