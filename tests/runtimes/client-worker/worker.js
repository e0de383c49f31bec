// A Worker importing `lesspay2/client` (a merchant's edge function that validates a form post or
// decodes an answer of the gateway): GET / runs every validation case and error-table row in workerd.
import { checkClient } from './client-check.mjs';
import * as lib from 'lesspay2/client';
import validation from './validation-cases.json';
import errors from './errors.json';

export default {
  fetch() {
    try {
      return new Response(checkClient(lib, validation, errors));
    } catch (e) {
      return new Response(`error: ${e.message}`, { status: 500 });
    }
  },
};
