'use client';
// A client component validating a field as the user types: `lesspay2/client` in the browser, after init().
import { useEffect, useState } from 'react';
import init, { validateField } from 'lesspay2/client';
import { amount } from './params';

export default function AmountField() {
  const [hint, setHint] = useState('loading');
  useEffect(() => {
    init().then(
      () => setHint(JSON.stringify(validateField(amount.kind, amount.path, amount.value, amount.form, amount.options))),
      (e) => setHint(`error ${e}`),
    );
  }, []);
  return <pre id="hint">{hint}</pre>;
}
