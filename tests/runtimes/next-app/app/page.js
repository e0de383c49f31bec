// A server component: validation while rendering on the server, with `lesspay2/client` (the React Server
// Components layer, where Turbopack hands the Node entry a browser asset URL for the .wasm).
import { validate } from 'lesspay2/client';
import AmountField from './amount-field';
import { batch } from './params';

export const dynamic = 'force-dynamic';

export default function Page() {
  return (
    <main>
      <pre id="ssr">{JSON.stringify(validate('createPayoutBatch', batch))}</pre>
      <AmountField />
    </main>
  );
}
