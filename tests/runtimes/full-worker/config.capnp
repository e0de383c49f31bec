# workerd config for tests/runtimes/workerd.mjs (copied next to the installed package as full.capnp, with
# worker.js as full-worker.js): a worker importing the whole `lesspay2` from the installed package. Module
# names mirror the package's relative imports: workerd.js is named "lesspay2", so its ./api.js, ./glue/web.js,
# ./lesspay2_bg.wasm and ./extras.js resolve to the names below (Wrangler's bundle does this by itself:
# `make test-workerd` serves both).
using Workerd = import "/workerd/workerd.capnp";

const config :Workerd.Config = (
  services = [ (name = "main", worker = .worker) ],
  sockets = [ (name = "http", address = "127.0.0.1:8789", http = (), service = "main") ],
);

const worker :Workerd.Worker = (
  modules = [
    (name = "worker.js", esModule = embed "full-worker.js"),
    (name = "check.mjs", esModule = embed "check.mjs"),
    (name = "stack-limit.mjs", esModule = embed "stack-limit.mjs"),
    (name = "signatures.json", json = embed "signatures.json"),
    (name = "webhooks.json", json = embed "webhooks.json"),
    (name = "refusals.json", json = embed "refusals.json"),
    (name = "webhook-verdicts.json", json = embed "webhook-verdicts.json"),
    (name = "lesspay2", esModule = embed "node_modules/lesspay2/workerd.js"),
    (name = "api.js", esModule = embed "node_modules/lesspay2/api.js"),
    (name = "glue/web.js", esModule = embed "node_modules/lesspay2/glue/web.js"),
    (name = "extras.js", esModule = embed "node_modules/lesspay2/extras.js"),
    (name = "lesspay2_bg.wasm", wasm = embed "node_modules/lesspay2/lesspay2_bg.wasm"),
  ],
  compatibilityDate = "2025-09-01",
);
