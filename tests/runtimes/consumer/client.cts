// tsc --strict, CommonJS consumer of lesspay2/client.
import lib = require('lesspay2/client');

const issues: lib.ValidationIssue[] = lib.validate('fetchPayout', {}).issues;
const status: lib.OrderStatusInfo | null = lib.orderStatus(2);
console.log(issues.length, status?.name, lib.decodeResponse(200, '{"code":0}').ok);
