import type { Css } from 'cytoscape';

/** SVG outlines of the shapes the explorer uses, in a 16 x 16 box. */
const PATHS: Partial<Record<Css.NodeShape, string>> = {
  rectangle: 'M2 2H14V14H2Z',
  triangle: 'M8 1L15 14H1Z',
  diamond: 'M8 1L15 8L8 15L1 8Z',
  pentagon: 'M8 1L15 6L12 15H4L1 6Z',
  hexagon: 'M4 1H12L15 8L12 15H4L1 8Z',
  star: 'M8 1L10 6H15L11 9L13 15L8 11L3 15L5 9L1 6H6Z',
  vee: 'M1 2L8 7L15 2L8 15Z',
  octagon: 'M5 1H11L15 5V11L11 15H5L1 11V5Z',
  'round-tag': 'M1 4H10L15 8L10 12H1Z',
  barrel: 'M3 1H13Q16 8 13 15H3Q0 8 3 1Z',
};

/** A legend's swatch in the node's own shape, so the legend reads without colour. */
export function ShapeSwatch({ shape, colour }: { shape: Css.NodeShape; colour: string }) {
  const path = PATHS[shape];
  return (
    <svg className="legend__shape" width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
      {path ? (
        <path d={path} fill={colour} stroke="#1f2933" strokeWidth="0.8" />
      ) : (
        <circle cx="8" cy="8" r="7" fill={colour} stroke="#1f2933" strokeWidth="0.8" />
      )}
    </svg>
  );
}
