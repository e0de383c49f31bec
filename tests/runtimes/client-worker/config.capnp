# workerd config for tests/runtimes/workerd.mjs (copied next to the installed package as client.capnp,
# with worker.js as client-worker.js): a worker importing `lesspay2/client` from the installed
# package. Module names mirror the package's relative imports: client/workerd.js is named
# "lesspay2/client", so its ./api.js, ./glue/web.js, ./lesspay2_bg.wasm and ../extras.js resolve to the names below
# (Wrangler's bundle does this by itself: `make test-workerd` serves both).
using Workerd = import "/workerd/workerd.capnp";

const config :Workerd.Config = (
  services = [ (name = "main", worker = .worker) ],
  sockets = [ (name = "http", address = "127.0.0.1:8788", http = (), service = "main") ],
);

const worker :Workerd.Worker = (
  modules = [
    (name = "worker.js", esModule = embed "client-worker.js"),
    (name = "client-check.mjs", esModule = embed "client-check.mjs"),
    (name = "validation-cases.json", json = embed "validation-cases.json"),
    (name = "errors.json", json = embed "errors.json"),
    (name = "lesspay2/client", esModule = embed "node_modules/lesspay2/client/workerd.js"),
    (name = "lesspay2/api.js", esModule = embed "node_modules/lesspay2/client/api.js"),
    (name = "lesspay2/glue/web.js", esModule = embed "node_modules/lesspay2/client/glue/web.js"),
    (name = "lesspay2/lesspay2_bg.wasm", wasm = embed "node_modules/lesspay2/client/lesspay2_bg.wasm"),
    (name = "extras.js", esModule = embed "node_modules/lesspay2/extras.js"),
  ],
  compatibilityDate = "2025-09-01",
);
