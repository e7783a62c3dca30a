// graphology-gexf's writer alone: its browser entry also builds a DOMParser at import, which
// Node (the unit tests) lacks; the writer itself needs no DOM.
declare module 'graphology-gexf/common/writer.js' {
  import type { write } from 'graphology-gexf/browser';

  const writeGexf: typeof write;
  export default writeGexf;
}
