// The checks every runtime runs against the installed `lesspay2/client`: every validation case
// (tests/validation/cases.json: exact path, code, severity, gatewayCode, English and Chinese messages)
// and every error-table row (tests/vectors/errors.json). `lib` is the entry's namespace; returns a
// summary line, throws on the first difference.
export function checkClient(lib, validation, errors) {
  const fail = (what) => { throw new Error(what); };
  const shape = (i) => JSON.stringify([i.path, i.code, i.severity, i.gatewayCode]);
  let issues = 0;
  for (const c of validation.cases) {
    const base = validation.valid[c.base];
    const kind = base ? base.kind : c.base;
    const params = structuredClone('params' in c ? c.params : base.params);
    const parentOf = (path) => path.slice(0, -1).reduce((v, k) => v[k], params);
    for (const [path, value] of c.set ?? []) parentOf(path)[path.at(-1)] = value;
    for (const path of c.unset ?? []) delete parentOf(path)[path.at(-1)];
    const now = c.now ?? validation.now;
    const got = lib.validate(kind, params, { now }).issues.map(shape).sort();
    const want = c.expect.map(shape).sort();
    if (JSON.stringify(got) !== JSON.stringify(want)) fail(`${c.name}: got ${got}, expected ${want}`);
    const en = lib.validate(kind, params, { now }).issues;
    const zh = lib.validate(kind, params, { now, locale: 'zh-CN' }).issues;
    for (const e of c.expect) {
      const at = (list) => list.find((i) => JSON.stringify(i.path) === JSON.stringify(e.path) && i.code === e.code)?.message;
      if (e.en && at(en) !== e.en) fail(`${c.name}: message ${at(en)}, expected ${e.en}`);
      if (e.zh && at(zh) !== e.zh) fail(`${c.name}: zh-CN message ${at(zh)}, expected ${e.zh}`);
    }
    issues += got.length;
  }
  let rows = 0;
  for (const { input, context, expect } of errors.cases) {
    const arg = 'code' in input ? input.code : 'codeText' in input ? input.codeText
      : 'status' in input ? ('body' in input ? { status: input.status, body: input.body } : { status: input.status })
      : 'msg' in input ? input.msg : input.envelope ?? input.event;
    const d = lib.decodeError(arg, context);
    for (const [key, value] of Object.entries(expect)) {
      if (JSON.stringify(d[key]) !== JSON.stringify(value)) fail(`${JSON.stringify(input)}: ${key} is ${JSON.stringify(d[key])}, expected ${JSON.stringify(value)}`);
    }
    rows++;
  }
  if (typeof lib.sign !== 'undefined' || typeof lib.verifyWebhook !== 'undefined') fail('lesspay2/client exports signing functions');
  return `${validation.cases.length} validation cases (${issues} issues), ${rows} error rows, no signing export: ok`;
}
