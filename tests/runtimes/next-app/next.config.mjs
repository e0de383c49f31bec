// The default configuration, and (NEXT_STANDALONE=1) the deployment one the README recommends: a standalone
// server that carries only the files it traces, with lesspay2 left to Node so that its .wasm is traced.
export default process.env.NEXT_STANDALONE === '1' ? { output: 'standalone', serverExternalPackages: ['lesspay2'] } : {};
