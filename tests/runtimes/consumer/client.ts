// tsc --strict, ESM consumer of lesspay2/client.
import init, { validate, decodeError, schemas } from 'lesspay2/client';
import type { ValidationIssue, DecodedError } from 'lesspay2/client';

await init();
const issues: ValidationIssue[] = validate('fetchPayout', {}, { locale: 'zh-CN' }).issues;
const decoded: DecodedError = decodeError(30009);
console.log(issues.length, decoded.name, schemas.fetchPayout['~standard'].vendor);
