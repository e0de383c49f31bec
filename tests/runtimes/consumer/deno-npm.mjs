// Deno with an `npm:` specifier, resolved from the project's node_modules (no registry, no flags).
import * as lib from 'npm:lesspay2';
import { checkHandler } from './handler.mjs';

const signature = lib.sign('{"a":"1"}', 'k');
if (signature !== 'E2FDCC0CEC7B4510933817B55B2055036909CBF894E0DC75528DA750A5ADCCC9') throw new Error(`sign gave ${signature}`);
console.log(`deno npm:lesspay2: sign ok, ${await checkHandler(lib)}`);
