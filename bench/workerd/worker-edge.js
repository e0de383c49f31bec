// Cold-start probe for workerd with `lesspay2/edge`: as worker.js, through the edge entry.
import { sign } from './pkg/edge/workerd.js';

export default {
  fetch() {
    return new Response(sign('{"a":"1"}', 'k'));
  },
};
