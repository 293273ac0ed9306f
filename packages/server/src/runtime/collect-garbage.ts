// A full garbage collection on demand, for the moments a long-lived process knows it has just dropped a lot: the
// server after its start-up (migrations, the demo load, the route graph compiled), a warm pool thread after
// preloading its modules. V8 would collect that garbage only under allocation pressure, which an idle server never
// creates, so the process would idle hundreds of MB above what it holds (issue 19: idle RSS ≤ 600 MB). `gc` is
// exposed for one call and hidden again (the way jest's leak detector does it); `node --expose-gc` is not needed.
import v8 from 'node:v8';
import vm from 'node:vm';

let gc: (() => void) | undefined;

export function collectGarbage(): void {
  if (gc === undefined) {
    const exposed = (globalThis as { gc?: () => void }).gc;
    if (typeof exposed === 'function') {
      gc = exposed;
    } else {
      v8.setFlagsFromString('--expose-gc');
      gc = vm.runInNewContext('gc') as () => void;
      v8.setFlagsFromString('--no-expose-gc');
    }
  }
  gc();
}
