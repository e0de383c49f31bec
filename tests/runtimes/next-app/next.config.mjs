// The default configuration; (NEXT_STANDALONE=1) the deployment one the README recommends: a standalone
// server that carries only the files it traces, with lesspay2 left to Node so that its .wasm is traced;
// (NEXT_STANDALONE=bare) the same without serverExternalPackages, to check what the README says of it.
const standalone = { output: 'standalone', serverExternalPackages: ['lesspay2'] };
export default process.env.NEXT_STANDALONE === '1' ? standalone
  : process.env.NEXT_STANDALONE === 'bare' ? { output: 'standalone' } : {};
