// Examples one click away for the order builder and the error decoder, taken from the spec
// (/work/shared/spec/lesspay2-api.md sections 4 and 5). Webhook and signature examples come from the
// vectors: see vector-examples.js.
export { webhookExamples, signatureExamples } from './vector-examples.js';

const urls = {
  success_url: 'https://merchant.domain.com/pay/success',
  fail_url: 'https://merchant.domain.com/pay/fail',
  notify_url: 'https://merchant.domain.com/notify',
};

/** Order builder: `values` maps a field's dotted path to what is typed in it. */
export const orderExamples = [
  {
    id: 'payin-cashier', label: 'Cashier USD 100.00', kind: 'createPayin', mode: 'cashier',
    values: {
      request_id: 'R20250113001', product_name: 'deposit', description: 'Deposit #1585581674',
      target_amount: '100.00', target_currency: 'USD', transaction_type: 'PAY_IN', api_version: 'V2',
      pay_access_type: '1', ...urls, expired_time: '1800',
    },
  },
  {
    id: 'payin-crypto', label: 'Crypto USDT on TRC20', kind: 'createPayin', mode: 'crypto',
    values: {
      request_id: 'R20250113002', product_name: 'top-up', description: 'Wallet top-up',
      target_amount: '25.5', target_currency: 'USDT', transaction_type: 'PAY_IN', api_version: 'V2',
      pay_access_type: '1', ...urls, way_type: 'CRYPTO', transaction_network: 'TRC20',
    },
  },
  {
    id: 'payin-card', label: 'Card, 3DS on', kind: 'createPayin', mode: 'card',
    values: {
      request_id: 'R20250113003', product_name: 'subscription', description: 'Monthly plan',
      target_amount: '19.99', target_currency: 'EUR', transaction_type: 'PAY_IN', api_version: 'V2',
      pay_access_type: '2', ...urls, way_type: 'CARD_PAYMENT',
      'channel_extra.extra_type': 'card', 'channel_extra.card_data.number': '4242424242424242',
      'channel_extra.card_data.expiry_month': '12', 'channel_extra.card_data.expiry_year': '2030',
      'channel_extra.card_data.cvv': '123', 'channel_extra.card_data.store_for_future_use': 'false',
      'channel_extra.three_ds.enabled': 'true',
    },
  },
  {
    id: 'payin-token', label: 'Token + 3DS (mistakes)', kind: 'createPayin', mode: 'token',
    values: {
      request_id: 'R20250113004', product_name: 'subscription', description: 'Renewal',
      target_amount: '19.999', target_currency: 'usd', transaction_type: 'PAY_IN', api_version: 'V2',
      pay_access_type: '2', success_url: 'merchant.domain.com/ok', fail_url: urls.fail_url, way_type: 'CARD_PAYMENT',
      'channel_extra.extra_type': 'token', 'channel_extra.token_data.token': 'src_ushjzwmcr3pezjrcmmlcufhl6m',
      'channel_extra.three_ds.enabled': 'false',
    },
  },
  {
    id: 'batch-ok', label: 'Payout batch PHP 1500.00', kind: 'createPayoutBatch',
    values: {
      request_id: 'PB20250113001', currency: 'PHP', total_amount: '1500.00', way_type: 'BANK_TRANSFER',
      way_code: 'EPAY_PAYOUT', notify_url: urls.notify_url,
    },
    details: [
      { mch_order_id: 'MCH_001', amount: '1000.00', destination_type: 'bank', bank_account_no: '1234567890',
        bank_account_name: 'Juan dela Cruz', bank_account_type: 'individual', bank_name: 'BDO',
        bank_country_code: 'PH', bank_swift_code: 'BNORPHMM' },
      { mch_order_id: 'MCH_002', amount: '500.00', destination_type: 'bank', bank_account_no: '0987654321',
        bank_account_name: 'Maria Santos', bank_account_type: 'business', bank_name: 'BPI',
        bank_country_code: 'PH', bank_swift_code: 'BOPIPHMM' },
    ],
  },
  {
    id: 'batch-bad', label: 'Payout batch (mistakes)', kind: 'createPayoutBatch',
    values: {
      request_id: 'PB20250113002', currency: 'PHP', total_amount: '1500.00', way_type: 'BANK_TRANSFER',
      way_code: 'EPAY_PAYOUT', notify_url: urls.notify_url,
    },
    details: [
      { mch_order_id: 'MCH_001', amount: '1000.00', destination_type: 'bank', bank_account_no: '1234567890',
        bank_account_name: 'Juan dela Cruz', bank_account_type: 'individual', bank_name: 'BDO',
        bank_country_code: 'PH', bank_swift_code: 'BNORPHMM' },
      { mch_order_id: 'MCH_001', amount: '-5', destination_type: 'bank', bank_account_no: '0987654321',
        bank_account_name: 'Maria Santos', bank_account_type: 'company', bank_name: 'BPI',
        bank_country_code: 'PHL', bank_swift_code: 'BOPIPHMM' },
    ],
  },
];

/** Error decoder examples (spec section 5). */
export const decoderExamples = [
  { id: 'http-400-11', label: 'HTTP 400, code 11', mode: 'response', status: '400',
    body: '{"code":11,"msg":"Parameter Error: target_amount is required","data":null}', api: 'payin', op: 'create' },
  { id: 'http-200-30002', label: 'Payout 30002', mode: 'response', status: '200',
    body: '{"code":30002,"msg":"Amount Mismatch","data":null}', api: 'payout', op: 'create' },
  { id: 'http-502-html', label: 'HTTP 502 HTML page', mode: 'response', status: '502',
    body: '<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>', api: 'payin', op: 'create' },
  { id: 'http-200-ok', label: 'Success', mode: 'response', status: '200',
    body: '{"code":0,"msg":"SUCCESS","data":{"order_data":{"payOrderId":"P1988199177890902017"},"checkout_url":"https://lesspay2-pay-uat.doopayment.com/checkout/P1988199177890902017"}}', api: 'payin', op: 'create' },
  { id: 'code-1201', label: 'Code 1201', mode: 'code', code: '1201', api: 'payin', op: 'create' },
  { id: 'code-30015', label: 'Code 30015 (unpublished)', mode: 'code', code: '30015', api: 'payout', op: '' },
  { id: 'msg-time', label: 'Request time error', mode: 'msg', msg: 'Request time error', api: 'payin', op: 'query' },
];
