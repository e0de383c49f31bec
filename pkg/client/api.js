// The functions of `lesspay2/client`, as every ESM entry exports them: the glue's, each made to outlive
// an error that unwinds through the wasm instance (../extras.js `resilient`), once for all the entries
// that share this glue.
import * as glue from './glue/web.js';
import { resilient } from '../extras.js';

export const { decodeError, decodeResponse, orderStatus, validate, validateJson } = resilient(glue);
