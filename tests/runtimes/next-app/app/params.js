// The parameters both the page and the test validate (the test compares with the package in plain Node).
const detail = {
  destination_type: 'bank', bank_account_no: '1234567890', bank_account_name: 'Juan dela Cruz',
  bank_account_type: 'individual', bank_name: 'BDO', bank_country_code: 'PH', bank_swift_code: 'BNORPHMM',
};
export const batch = {
  request_id: 'PB1', currency: 'PHP', total_amount: '300.00', way_type: 'BANK_TRANSFER', way_code: 'EPAY_PAYOUT',
  notify_url: 'https://shop.example.com/batch',
  payout_order_details: [{ ...detail, mch_order_id: 'M1', amount: '100.25' }, { ...detail, mch_order_id: 'M1', amount: '200.25' }],
};
export const amount = { kind: 'createPayin', path: ['target_amount'], value: '1.234', form: { target_currency: 'USD' }, options: { locale: 'zh-CN' } };
