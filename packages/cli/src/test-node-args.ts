// Tests only: how the CLI tests start a real `jixiao` process (node, its flags, the launcher).
//
// --liftoff-only: V8 runs PGlite's WebAssembly with its baseline compiler only, without compiling the hot functions
// again with the optimising compiler in the background. A short command (open the data directory, a query or two,
// exit) then costs about a third less CPU (`jixiao departments` on the demo: ≈3.2 s → ≈2.2 s of CPU), and the CLI
// tests are mostly such commands on a 2-core CI machine. What the command does is the same. The launcher itself
// keeps V8's defaults: `jixiao serve` and large imports want the optimised code.
export const JIXIAO_NODE_ARGS = ['--liftoff-only', 'packages/cli/bin/jixiao.mjs'];
