import type { LayoutInput } from './force-layout.ts';

/**
 * Lays a network out in a web worker (the page stays responsive while ForceAtlas2 runs). A new
 * worker per layout, ended when it answers or when the caller no longer wants the answer.
 */
export function layoutInWorker(input: LayoutInput, signal: AbortSignal): Promise<Float64Array> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' });
    const stop = () => {
      worker.terminate();
      reject(new DOMException('The layout was no longer needed', 'AbortError'));
    };
    signal.addEventListener('abort', stop, { once: true });
    worker.onmessage = (event: MessageEvent<Float64Array>) => {
      signal.removeEventListener('abort', stop);
      worker.terminate();
      resolve(event.data);
    };
    worker.onerror = (event) => {
      signal.removeEventListener('abort', stop);
      worker.terminate();
      reject(new Error(`The layout failed: ${event.message}`));
    };
    worker.postMessage(input);
  });
}
