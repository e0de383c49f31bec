// Cold-start probe for workerd: importing the package instantiates the wasm module (workerd.js); the first
// request answers with a signature so the instance is known to work.
import { sign } from './pkg/workerd.js';

export default {
  fetch() {
    return new Response(sign('{"a":"1"}', 'k'));
  },
};
