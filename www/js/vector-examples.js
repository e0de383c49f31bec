// Examples one click away, taken from the spec (/work/shared/spec/lesspay2-api.md) and the test vectors
// (tests/vectors/signatures.json, tests/vectors/webhooks.json). Generated once; ids name the vector.

export const webhookExamples = [
  {
    "id": "wh-pub-0001",
    "label": "Pay-in v1 (demo sample)",
    "body": "{\n  \"pay_order_id\": \"P2045118164054515713\",\n  \"request_id\": \"1585581674\",\n  \"order_status\": \"SUCCEED\",\n  \"target_currency\": \"USD\",\n  \"target_amount\": \"100.00\",\n  \"success_url\": \"https://helios.cashier-dev.com/api/apm/response/LessPay/b3IxQzFjckd4eXp4RU84eVFHbHJxUT09\",\n  \"fail_url\": \"https://helios.cashier-dev.com/api/apm/response/LessPay/b3IxQzFjckd4eXp4RU84eVFHbHJxUT09\",\n  \"product_name\": \"deposit\",\n  \"description\": \"Deposit #1585581674\",\n  \"complete_time\": null,\n  \"error_code\": null,\n  \"error_msg\": null,\n  \"notify_url\": null,\n  \"merchant_reserved_field\": null,\n  \"api_version\": \"v1\",\n  \"order_status_int\": 2,\n  \"channel_biz_data\": {\n    \"issuer_country\": \"PL\",\n    \"3ds\": {\n      \"downgraded\": false,\n      \"enrolled\": \"Y\"\n    },\n    \"issuer\": \"CREDIT AGRICOLE BANK POLSKA S.A.\"\n  },\n  \"event\": null,\n  \"event_data\": null\n}\n",
    "headers": "X-Auth-Signature: 20100F1D51CD084E7ACA8B6D0751A9647882C4B51B2100DBE6A00DC11551C257\nContent-Type: application/json\nX-Auth-Timestamp: 1762741121150",
    "secrets": "YOUR_APP_SECRET",
    "now": 1762741122000,
    "toleranceMs": 300000,
    "kind": "auto",
    "expect": {
      "valid": true,
      "secret_index": 0
    }
  },
  {
    "id": "wh-pub-0002",
    "label": "Pay-in v2",
    "body": "{\n  \"pay_order_id\": \"P2045118164054515713\",\n  \"request_id\": \"1585581674\",\n  \"order_status\": \"SUCCEED\",\n  \"target_currency\": \"USD\",\n  \"target_amount\": \"100.00\",\n  \"success_url\": \"https://helios.cashier-dev.com/api/apm/response/LessPay/b3IxQzFjckd4eXp4RU84eVFHbHJxUT09\",\n  \"fail_url\": \"https://helios.cashier-dev.com/api/apm/response/LessPay/b3IxQzFjckd4eXp4RU84eVFHbHJxUT09\",\n  \"product_name\": \"deposit\",\n  \"description\": \"Deposit #1585581674\",\n  \"complete_time\": null,\n  \"error_code\": null,\n  \"error_msg\": null,\n  \"notify_url\": null,\n  \"merchant_reserved_field\": null,\n  \"api_version\": \"v2\",\n  \"order_status_int\": 2,\n  \"channel_biz_data\": {\n    \"issuer_country\": \"PL\",\n    \"3ds\": {\n      \"downgraded\": false,\n      \"enrolled\": \"Y\"\n    },\n    \"issuer\": \"CREDIT AGRICOLE BANK POLSKA S.A.\"\n  },\n  \"event\": null,\n  \"event_data\": null\n}\n",
    "headers": "X-Auth-Signature: 4B66DA3EB893CA70B0038AE9B3152990A7356D22DA40C5BD741E78BBCFE477EC\nContent-Type: application/json\nX-Auth-Timestamp: 1762741122150",
    "secrets": "YOUR_APP_SECRET",
    "now": 1762741123000,
    "toleranceMs": 300000,
    "kind": "auto",
    "expect": {
      "valid": true,
      "secret_index": 0
    }
  },
  {
    "id": "wh-pub-0013",
    "label": "Fraud event (v2)",
    "body": "\n{\"pay_order_id\" :\"P9552162570859208578\" , \"request_id\" :\"PO38140104273\" , \"order_status\" :\"FAILED\" , \"target_currency\" :\"IDR\" , \"target_amount\" :1000 , \"success_url\" :\"https://localhost:8080\" , \"fail_url\" :\"http://api.test.io/api/callbackUrl\" , \"product_name\" :\"Recarga\" , \"description\" :\"Lesspay Order\" , \"complete_time\" :null , \"error_code\" :\"30034\" , \"error_msg\" :\"Card expired\" , \"notify_url\" :null , \"merchant_reserved_field\" :null , \"api_version\" :\"V2\" , \"order_status_int\" :3 , \"channel_biz_data\" :{\"issuer_country\" :\"PH\" , \"3ds\" :{\"challenge_indicator\" :\"\" , \"downgraded\" :false , \"enrolled\" :\"U\"} , \"issuer\" :\"BARCLAYS BANK PLC\" , \"card_bin\" :\"981999\"} , \"event\" :\"payment_declined\" , \"event_data\" :{\"response_code\" :\"42201\" , \"response_summary\" :\"Fraud score exceeds threshold\" , \"declined_at\" :\"2029-08-23T03:44:09.543+08:00\"}}\n",
    "headers": "X-Auth-Signature: 0D5BF5A6CF11929112B39A9AC3EA8E56448B13217BAB4B23B456402D81012663\nContent-Type: application/json\nX-Auth-Timestamp: 1786724103280",
    "secrets": "bed28658c63f0c15c0980ca3c4eac44a",
    "now": 1786724091794,
    "toleranceMs": 900000,
    "kind": "auto",
    "expect": {
      "valid": true,
      "secret_index": 0
    }
  },
  {
    "id": "wh-pub-0036",
    "label": "Payout batch notice",
    "body": "{\n  \"pay_order_id\": \"P9459407978595769879\",\n  \"request_id\": \"PO3085379562509\",\n  \"order_status\": \"PENDING_PAY\",\n  \"currency\": \"JPY\",\n  \"total_amount\": \"100\",\n  \"decimal_places\": 2,\n  \"fail_reason\": null,\n  \"created_at\": \"2022-09-27 12:55:09\",\n  \"details\": [\n    {\n      \"payout_order_detail_id\": \"POD819919424800\",\n      \"mch_order_id\": \"MCH_5211882\",\n      \"amount\": \"99322.74\",\n      \"actual_amount\": null,\n      \"status\": \"FAILED\",\n      \"audit_state\": \"APPROVED\",\n      \"fail_reason\": \"账户不存在\",\n      \"rejected_reason\": null,\n      \"channel_order_no\": \"CH_458608\",\n      \"bank_account_no\": \"3440****8061\",\n      \"bank_account_name\": \"M****Y\",\n      \"bank_account_type\": \"individual\",\n      \"bank_name\": \"BPI\",\n      \"bank_country_code\": \"ID\",\n      \"bank_swift_code\": \"HDFCINBB\",\n      \"success_time\": null\n    },\n    {\n      \"payout_order_detail_id\": \"POD626516662573\",\n      \"mch_order_id\": \"MCH_1746276\",\n      \"amount\": \"76235.15\",\n      \"actual_amount\": \"76235.15\",\n      \"status\": \"SUCCEEDED\",\n      \"audit_state\": \"APPROVED\",\n      \"fail_reason\": null,\n      \"rejected_reason\": null,\n      \"channel_order_no\": \"CH_640398\",\n      \"bank_account_no\": \"0860****5256\",\n      \"bank_account_name\": \"G******H\",\n      \"bank_account_type\": \"individual\",\n      \"bank_name\": \"Metrobank\",\n      \"bank_country_code\": \"PH\",\n      \"bank_swift_code\": \"BPIIPHMM\",\n      \"success_time\": \"2027-04-28T06:59:32.469+00:00\"\n    },\n    {\n      \"payout_order_detail_id\": \"POD913615060168\",\n      \"mch_order_id\": \"MCH_9535\",\n      \"amount\": \"67793.63\",\n      \"actual_amount\": \"67793.63\",\n      \"status\": \"Succeeded\",\n      \"audit_state\": \"APPROVED\",\n      \"fail_reason\": null,\n      \"rejected_reason\": null,\n      \"channel_order_no\": \"\",\n      \"bank_account_no\": \"1637****7566\",\n      \"bank_account_name\": \"G******H\",\n      \"bank_account_type\": \"individual\",\n      \"bank_name\": \"Metrobank\",\n      \"bank_country_code\": \"IN\",\n      \"bank_swift_code\": \"CENAIDJA\",\n      \"success_time\": \"2030-01-18T17:53:25.195-05:00\"\n    }\n  ]\n}",
    "headers": "X-Auth-Timestamp: 1793660179124\nX-Auth-Signature: EDEFE3E9473E55BF90C4FD3C14051564EB071708107503AF60F47C4204E50CEB\nContent-Type: application/json;charset=UTF-8",
    "secrets": "AGtqzm8bOJZnWB78m0F7R5",
    "now": 1793660347158,
    "toleranceMs": 900000,
    "kind": "auto",
    "expect": {
      "valid": true,
      "secret_index": 0
    }
  },
  {
    "id": "wh-pub-0009",
    "label": "Secret rotation",
    "body": "{\"event\":null,\"notify_url\":\"https://shop.example.com/cb\",\"api_version\":\"v2\",\"order_status\":\"PROCESSING\",\"error_code\":null,\"channel_biz_data\":{\"issuer_country\":\"DE\",\"card_last4\":\"5574\",\"issuer\":\"BDO UNIBANK, INC.\",\"scheme\":\"MASTERCARD\",\"card_bin\":\"161512\",\"3ds\":{\"challenge_indicator\":null,\"eci\":\"06\",\"downgraded\":false,\"enrolled\":\"N\",\"version\":\"2.2.0\"}},\"product_name\":\"VIP membership\",\"target_currency\":\"BRL\",\"order_status_int\":0,\"target_amount\":\"18000.46\",\"pay_order_id\":\"P9078289539837373548\",\"event_data\":null,\"request_id\":\"5106574181\",\"description\":\"Recarga\",\"merchant_reserved_field\":\"reserved\",\"fail_url\":\"https://shop.example.com/api/callbackUrl\",\"success_url\":\"https://shop.example.com/api/callbackUrl\",\"complete_time\":null,\"error_msg\":null}",
    "headers": "content-type: application/json\nx-auth-timestamp: 1775136223232\nx-auth-signature: 64D14434E46C88c4D7a24dD93C400BEeE3Fa24b993AB12Ff2f325EA90846a9A2",
    "secrets": "ogwj4gI+aq3OrwYlztZwQ/\nc1bJCT+j3P1IUBiO4k42Bn",
    "now": 1775136164989,
    "toleranceMs": null,
    "kind": "auto",
    "expect": {
      "valid": true,
      "secret_index": 1
    }
  },
  {
    "id": "wh-pub-0061",
    "label": "Tampered amount",
    "body": "{\r\n\t\"pay_order_id\":\"P9523291281291520125\",\r\n\t\"request_id\":\"PO5596097034009\",\r\n\t\"order_status\":\"PENDING_CONFIRM\",\r\n\t\"currency\":\"GBP\",\r\n\t\"total_amount\":\"12590.54\",\r\n\t\"decimal_places\":2,\r\n\t\"fail_reason\":null,\r\n\t\"created_at\":\"2027-09-19T09:10:43.762+08:00\",\r\n\t\"details\":[\r\n\t\t{\r\n\t\t\t\"payout_order_detail_id\":\"POD859813894320\",\r\n\t\t\t\"mch_order_id\":\"MCH_6089268\",\r\n\t\t\t\"amount\":\"81252.45\",\r\n\t\t\t\"actual_amount\":null,\r\n\t\t\t\"status\":\"REFUNDED\",\r\n\t\t\t\"audit_state\":\"APPROVED\",\r\n\t\t\t\"fail_reason\":null,\r\n\t\t\t\"rejected_reason\":null,\r\n\t\t\t\"channel_order_no\":\"CH_485421\",\r\n\t\t\t\"bank_account_no\":\"9764****7591\",\r\n\t\t\t\"bank_account_name\":\"A**\",\r\n\t\t\t\"bank_account_type\":\"business\",\r\n\t\t\t\"bank_name\":\"HDFC\",\r\n\t\t\t\"bank_country_code\":\"IN\",\r\n\t\t\t\"bank_swift_code\":\"CENAIDJA\",\r\n\t\t\t\"success_time\":null\r\n\t\t}\r\n\t]\r\n}\r\n",
    "headers": "x-auth-timestamp: 1760290677409\nx-auth-signature: 2BC5A9FFCC7D08498BF06670135E0C47E2C5FBAAFC3F616D9C8628D5CF8EFEC2",
    "secrets": "c271539d69b5c78b38192d1532c78c95",
    "now": 1760290654283,
    "toleranceMs": 120000,
    "kind": "auto",
    "expect": {
      "valid": false,
      "reason": "signature_mismatch"
    }
  }
];

export const signatureExamples = [
  {
    "id": "pub-0001",
    "label": "Docs example (pub-0001)",
    "body": "{\"target_currency\":\"USDT\",\"target_amount\":100,\"transaction_type\":\"PAY_IN\"}",
    "secret": "Wy31kFZf4jkE+Y2XZhmFuQ",
    "received": "CA7807E87BCE0AE490E7ADBD4E600E5112347C818AC06E07352F28CB2FDD70DF",
    "mode": "request",
    "expect": "CA7807E87BCE0AE490E7ADBD4E600E5112347C818AC06E07352F28CB2FDD70DF",
    "canonical": "target_amount=100&target_currency=USDT&transaction_type=PAY_IN"
  },
  {
    "id": "pub-0008",
    "label": "Payout batch (pub-0008)",
    "body": "{\"request_id\":\"PB20250113001\",\"currency\":\"PHP\",\"total_amount\":\"1500.00\",\"way_type\":\"BANK_TRANSFER\",\"way_code\":\"EPAY_PAYOUT\",\"notify_url\":\"https://merchant.domain.com/notify\",\"payout_order_details\":[{\"mch_order_id\":\"MCH_001\",\"amount\":\"1000.00\",\"destination_type\":\"bank\",\"bank_account_no\":\"1234567890\",\"bank_account_name\":\"Juan dela Cruz\",\"bank_account_type\":\"individual\",\"bank_name\":\"BDO\",\"bank_country_code\":\"PH\",\"bank_swift_code\":\"BNORPHMM\"},{\"mch_order_id\":\"MCH_002\",\"amount\":\"500.00\",\"destination_type\":\"bank\",\"bank_account_no\":\"0987654321\",\"bank_account_name\":\"Maria Santos\",\"bank_account_type\":\"business\",\"bank_name\":\"BPI\",\"bank_country_code\":\"PH\",\"bank_swift_code\":\"\"}]}",
    "secret": "Wy31kFZf4jkE+Y2XZhmFuQ",
    "received": "45DE64A12E2077A5F1199C512A757886FC4D45BE2BAB8824BA29350BD77A93CC",
    "mode": "request",
    "expect": "45DE64A12E2077A5F1199C512A757886FC4D45BE2BAB8824BA29350BD77A93CC",
    "canonical": "currency=PHP&notify_url=https://merchant.domain.com/notify&payout_order_details=[{\"bank_account_name\":\"Juan dela Cruz\",\"amount\":\"1000.00\",\"destination_type\":\"bank\",\"bank_country_code\":\"PH\",\"bank_account_no\":\"1234567890\",\"mch_order_id\":\"MCH_001\",\"bank_name\":\"BDO\",\"bank_account_type\":\"individual\",\"bank_swift_code\":\"BNORPHMM\"},{\"bank_account_name\":\"Maria Santos\",\"amount\":\"500.00\",\"destination_type\":\"bank\",\"bank_country_code\":\"PH\",\"bank_account_no\":\"0987654321\",\"mch_order_id\":\"MCH_002\",\"bank_name\":\"BPI\",\"bank_account_type\":\"business\",\"bank_swift_code\":\"\"}]&request_id=PB20250113001&total_amount=1500.00&way_code=EPAY_PAYOUT&way_type=BANK_TRANSFER"
  },
  {
    "id": "pub-0034",
    "label": "Payout webhook, array key order (pub-0034)",
    "body": "{\n    \"pay_order_id\": \"P202501130001\",\n    \"request_id\": \"PO1736740800001\",\n    \"order_status\": \"SUCCEED\",\n    \"currency\": \"PHP\",\n    \"total_amount\": \"1000.00\",\n    \"decimal_places\": 2,\n    \"fail_reason\": null,\n    \"created_at\": \"2025-01-13T10:00:00.000+08:00\",\n    \"details\": [\n        {\n            \"payout_order_detail_id\": \"POD202501130001\",\n            \"mch_order_id\": \"MCH_001\",\n            \"amount\": \"500.00\",\n            \"actual_amount\": \"500.00\",\n            \"status\": \"Succeeded\",\n            \"audit_state\": \"APPROVED\",\n            \"fail_reason\": null,\n            \"rejected_reason\": null,\n            \"channel_order_no\": \"CH_001\",\n            \"bank_account_no\": \"1234****5678\",\n            \"bank_account_name\": \"J****N\",\n            \"bank_account_type\": \"business\",\n            \"bank_name\": \"BDO\",\n            \"bank_country_code\": \"PH\",\n            \"bank_swift_code\": \"BNORPHMM\",\n            \"success_time\": \"2025-01-13T10:01:40.000+08:00\"\n        },\n        {\n            \"payout_order_detail_id\": \"POD202501130002\",\n            \"mch_order_id\": \"MCH_002\",\n            \"amount\": \"500.00\",\n            \"actual_amount\": \"500.00\",\n            \"status\": \"Succeeded\",\n            \"audit_state\": \"APPROVED\",\n            \"fail_reason\": null,\n            \"rejected_reason\": null,\n            \"channel_order_no\": \"CH_002\",\n            \"bank_account_no\": \"8765****4321\",\n            \"bank_account_name\": \"M****Y\",\n            \"bank_account_type\": \"individual\",\n            \"bank_name\": \"BPI\",\n            \"bank_country_code\": \"PH\",\n            \"bank_swift_code\": \"BPIIPHMM\",\n            \"success_time\": \"2025-01-13T10:01:40.000+08:00\"\n        }\n    ]\n}\n",
    "secret": "Wy31kFZf4jkE+Y2XZhmFuQ",
    "received": "C931CB59F3CBD983EFB8524C396581827AF86CB1CCE29CB12BDE98A4765D7AF5",
    "mode": "payout",
    "expect": "C931CB59F3CBD983EFB8524C396581827AF86CB1CCE29CB12BDE98A4765D7AF5",
    "canonical": "created_at=2025-01-13T10:00:00.000+08:00&currency=PHP&decimal_places=2&details=[{\"amount\":\"500.00\",\"audit_state\":\"APPROVED\",\"bank_account_no\":\"1234****5678\",\"actual_amount\":\"500.00\",\"channel_order_no\":\"CH_001\",\"success_time\":\"2025-01-13T10:01:40.000+08:00\",\"bank_swift_code\":\"BNORPHMM\",\"bank_account_name\":\"J****N\",\"bank_country_code\":\"PH\",\"mch_order_id\":\"MCH_001\",\"bank_name\":\"BDO\",\"payout_order_detail_id\":\"POD202501130001\",\"bank_account_type\":\"business\",\"status\":\"Succeeded\"},{\"amount\":\"500.00\",\"audit_state\":\"APPROVED\",\"bank_account_no\":\"8765****4321\",\"actual_amount\":\"500.00\",\"channel_order_no\":\"CH_002\",\"success_time\":\"2025-01-13T10:01:40.000+08:00\",\"bank_swift_code\":\"BPIIPHMM\",\"bank_account_name\":\"M****Y\",\"bank_country_code\":\"PH\",\"mch_order_id\":\"MCH_002\",\"bank_name\":\"BPI\",\"payout_order_detail_id\":\"POD202501130002\",\"bank_account_type\":\"individual\",\"status\":\"Succeeded\"}]&order_status=SUCCEED&pay_order_id=P202501130001&request_id=PO1736740800001&total_amount=1000.00"
  },
  {
    "id": "wh-pub-0001",
    "label": "Pay-in webhook v1 (wh-pub-0001)",
    "body": "{\n  \"pay_order_id\": \"P2045118164054515713\",\n  \"request_id\": \"1585581674\",\n  \"order_status\": \"SUCCEED\",\n  \"target_currency\": \"USD\",\n  \"target_amount\": \"100.00\",\n  \"success_url\": \"https://helios.cashier-dev.com/api/apm/response/LessPay/b3IxQzFjckd4eXp4RU84eVFHbHJxUT09\",\n  \"fail_url\": \"https://helios.cashier-dev.com/api/apm/response/LessPay/b3IxQzFjckd4eXp4RU84eVFHbHJxUT09\",\n  \"product_name\": \"deposit\",\n  \"description\": \"Deposit #1585581674\",\n  \"complete_time\": null,\n  \"error_code\": null,\n  \"error_msg\": null,\n  \"notify_url\": null,\n  \"merchant_reserved_field\": null,\n  \"api_version\": \"v1\",\n  \"order_status_int\": 2,\n  \"channel_biz_data\": {\n    \"issuer_country\": \"PL\",\n    \"3ds\": {\n      \"downgraded\": false,\n      \"enrolled\": \"Y\"\n    },\n    \"issuer\": \"CREDIT AGRICOLE BANK POLSKA S.A.\"\n  },\n  \"event\": null,\n  \"event_data\": null\n}\n",
    "secret": "YOUR_APP_SECRET",
    "received": "20100F1D51CD084E7ACA8B6D0751A9647882C4B51B2100DBE6A00DC11551C257",
    "mode": "payin"
  },
  {
    "id": "pub-0001-lower",
    "label": "Mismatch: secret with a trailing space",
    "body": "{\"target_currency\":\"USDT\",\"target_amount\":100,\"transaction_type\":\"PAY_IN\"}",
    "secret": "Wy31kFZf4jkE+Y2XZhmFuQ ",
    "received": "ca7807e87bce0ae490e7adbd4e600e5112347c818ac06e07352f28cb2fdd70df",
    "mode": "request"
  }
];
