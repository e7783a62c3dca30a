import { forceLayout, type LayoutInput } from './force-layout.ts';

/** The explorer's layout, off the main thread: one message in, the positions out (transferred). */
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<LayoutInput>) => void) | null;
  postMessage: (message: Float64Array, transfer: Transferable[]) => void;
};

scope.onmessage = (event) => {
  const positions = forceLayout(event.data);
  scope.postMessage(positions, [positions.buffer]);
};
