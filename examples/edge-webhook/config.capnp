# workerd config for serving the example locally against the installed package (npm install, then
#   npx workerd serve config.capnp --socket-addr http=127.0.0.1:8787
# with LESSPAY2_APP_SECRET, ORIGIN_URL, ORIGIN_WEBHOOK_SECRET and optionally LESSPAY2_TOLERANCE_MS in the
# environment). Workers refuse to compile wasm from bytes: the .wasm is embedded as a wasm module and
# the package's `workerd` entry imports it. Module names mirror the package's relative imports:
# edge/workerd.js is named "lesspay2/edge", so its ./api.js, ./glue/web.js, ./lesspay2_bg.wasm and ../extras.js
# resolve to the names below (Wrangler's bundle does this by itself: `make test-workerd` serves both).
using Workerd = import "/workerd/workerd.capnp";

const config :Workerd.Config = (
  services = [
    (name = "main", worker = .worker),
    # Lets the worker reach an origin on this machine (local serving only; production uses Cloudflare's).
    (name = "outbound", network = (allow = ["public", "local", "private"])),
  ],
  sockets = [ (name = "http", address = "127.0.0.1:8787", http = (), service = "main") ],
);

const worker :Workerd.Worker = (
  modules = [
    (name = "worker.js", esModule = embed "src/worker.js"),
    (name = "lesspay2/edge", esModule = embed "node_modules/lesspay2/edge/workerd.js"),
    (name = "lesspay2/api.js", esModule = embed "node_modules/lesspay2/edge/api.js"),
    (name = "lesspay2/glue/web.js", esModule = embed "node_modules/lesspay2/edge/glue/web.js"),
    (name = "lesspay2/lesspay2_bg.wasm", wasm = embed "node_modules/lesspay2/edge/lesspay2_bg.wasm"),
    (name = "extras.js", esModule = embed "node_modules/lesspay2/extras.js"),
  ],
  compatibilityDate = "2025-09-01",
  bindings = [
    (name = "LESSPAY2_APP_SECRET", fromEnvironment = "LESSPAY2_APP_SECRET"),
    (name = "ORIGIN_URL", fromEnvironment = "ORIGIN_URL"),
    (name = "ORIGIN_WEBHOOK_SECRET", fromEnvironment = "ORIGIN_WEBHOOK_SECRET"),
    (name = "LESSPAY2_TOLERANCE_MS", fromEnvironment = "LESSPAY2_TOLERANCE_MS"),
  ],
  globalOutbound = "outbound",
);
