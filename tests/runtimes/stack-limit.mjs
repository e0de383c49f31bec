// Calls made with the stack almost full, as deep recursion in a caller makes them. Shared by
// tests/js/robustness.test.mjs (Node), tests/runtimes/consumer/stack.mjs (Deno and Bun), the Vite page
// (Chromium) and the full worker (workerd).
// The engine's RangeError used to unwind through the wasm instance and leave it mid-way: after a few,
// every call trapped ("unreachable"). pkg/extras.js `resilient` starts a new instance before the next
// call, and a call inside which such an error was caught throws instead of answering.

/** The engine's error for the stack limit (V8's message; JavaScriptCore's, in Bun, ends with a period). */
export const isStackLimit = (error) => error instanceof RangeError && /^Maximum call stack size exceeded\.?$/.test(error.message);
/** The module's error for a call that the stack limit interrupted inside it. */
export const INTERRUPTED = /^lesspay2: \w+\(\) was interrupted by the stack limit or a trap inside the module, which may have left it mid-way, so it gives no answer; call it again \(with more stack\): a new instance of the module answers$/;

/**
 * Calls `call` at each of the last 2,000 depths of a recursion down to the stack limit, `rounds` times:
 * from where it answers to where it cannot start. At the deep end nothing is done but the call and a
 * store into preallocated arrays (a function call there could meet the limit itself and hide what
 * happened); everything is looked at afterwards, with stack to spare.
 */
export function atTheStackLimit(call, rounds) {
  const answers = new Array(100000);
  const errors = new Array(100000);
  let a = 0;
  let e = 0;
  let deepest = 0;
  let from = Infinity;
  const down = (depth) => {
    if (depth > deepest) deepest = depth;
    if (depth >= from) {
      try { answers[a++] = call(); } catch (error) { errors[e++] = error; }
    }
    try { down(depth + 1); } catch {}
  };
  for (let r = 0; r < rounds; r++) {
    // How deep this round's frames go (the JIT changes their size), then the calls near there.
    from = Infinity;
    deepest = 0;
    down(0);
    from = deepest - 2000;
    down(0);
  }
  return { answers: answers.slice(0, a), errors: errors.slice(0, e) };
}

/**
 * `atTheStackLimit(call, rounds)` summed up for a runtime's test to compare: how many calls met the
 * limit and how many answered, the other errors (not the module's "interrupted"), how many answers
 * differ from an ordinary call's, and whether the module answers as before afterwards.
 */
export function stackLimitSummary(call, rounds = 4) {
  const expected = JSON.stringify(call());
  const { answers, errors } = atTheStackLimit(call, rounds);
  return {
    metTheLimit: errors.filter(isStackLimit).length,
    answered: answers.length,
    otherErrors: [...new Set(errors.filter((error) => !isStackLimit(error) && !INTERRUPTED.test(error.message))
      .map((error) => `${error.name}: ${error.message}`))],
    differentAnswers: answers.filter((answer) => JSON.stringify(answer) !== expected).length,
    answersAfter: JSON.stringify(call()) === expected,
  };
}

/**
 * `summary` (from `stackLimitSummary`, perhaps made in a page or a worker and sent back as JSON) checked
 * in any runtime: many calls met the limit (how many varies with the JIT), and no other error, no
 * different answer, an answer after. Returns how many met it; throws an Error that shows the summary.
 */
export function checkStackLimitSummary(name, summary) {
  const { metTheLimit, answered, ...rest } = summary ?? {};
  if (!(metTheLimit >= 20) || JSON.stringify(rest) !== JSON.stringify({ otherErrors: [], differentAnswers: 0, answersAfter: true })) {
    throw new Error(`${name} at the stack limit: ${JSON.stringify(summary)}`);
  }
  return metTheLimit;
}
