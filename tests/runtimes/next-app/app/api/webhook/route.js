// A route handler on the Node.js runtime: the gateway's webhook verified with `lesspay2`, and the body signed
// again with `lesspay2/edge` (both modules in one server bundle).
import { verifyWebhook } from 'lesspay2';
import { sign } from 'lesspay2/edge';

export async function POST(request) {
  const body = await request.text();
  const verdict = verifyWebhook({ body, headers: request.headers, secret: process.env.LESSPAY2_APP_SECRET });
  return Response.json({ verdict, signature: sign(body, process.env.LESSPAY2_APP_SECRET) }, { status: verdict.valid ? 200 : 401 });
}
