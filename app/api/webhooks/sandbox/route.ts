import { sandboxWebhookSecret } from '@/lib/payments/config';
import { handleSandboxWebhook } from '@/lib/payments/webhook';
import { createAdminClient } from '@/lib/supabase/admin';

// The sandbox provider's signed events (sent by our own checkout page's action). Raw body: the
// signature is over the exact bytes.
export async function POST(request: Request) {
  const { status, body } = await handleSandboxWebhook(await request.text(), request.headers.get('sandbox-signature'), {
    secret: sandboxWebhookSecret(),
    admin: createAdminClient(),
  });
  return Response.json(body, { status });
}
