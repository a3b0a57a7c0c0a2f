/** A box on screen, as getBoundingClientRect gives it (only what placing needs). */
export interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

export interface Place {
  top: number;
  left: number;
  width: number;
  /** The panel scrolls inside itself past this height rather than run off the window. */
  maxHeight: number;
}

const GAP = 8;
/** Narrower than this, the panel's severity row and keys line wrap too much: it goes over or under instead. */
export const MIN_BESIDE_WIDTH = 300;
/** About three lines of a cell: left in view above the panel when there is room for them. */
const FIRST_LINES = 80;

/**
 * Where the classification panel goes so that it hides neither the words being classified nor the other
 * side's text: beside the cell, on its outer side (the side away from the other column: right of the
 * translation in a left-to-right table, left of it in a right-to-left one) when the window has room there;
 * otherwise under the cell, or over it; failing both, wholly in the window, below the cell's first lines
 * when there is room for that.
 */
export function placePanel(
  cell: Box,
  row: Box,
  panel: { width: number; height: number },
  win: { width: number; height: number },
): Place {
  const clampTop = (top: number, height: number) => Math.max(GAP, Math.min(top, win.height - height - GAP));
  const outerIsRight = row.right - cell.right <= cell.left - row.left;
  const room = outerIsRight ? win.width - cell.right - 2 * GAP : cell.left - 2 * GAP;
  if (room >= MIN_BESIDE_WIDTH) {
    const width = Math.min(panel.width, room);
    const top = clampTop(cell.top, panel.height);
    return {
      top,
      left: outerIsRight ? cell.right + GAP : cell.left - GAP - width,
      width,
      maxHeight: win.height - top - GAP,
    };
  }
  const width = Math.min(panel.width, win.width - 2 * GAP);
  const left = Math.max(GAP, Math.min(cell.left + (cell.right - cell.left - width) / 2, win.width - width - GAP));
  if (cell.bottom + GAP + panel.height <= win.height - GAP) {
    return { top: cell.bottom + GAP, left, width, maxHeight: win.height - cell.bottom - 2 * GAP };
  }
  if (cell.top - GAP - panel.height >= GAP) {
    return { top: cell.top - GAP - panel.height, left, width, maxHeight: panel.height };
  }
  // Neither fits (a phone, a long cell): all of the panel in view comes first (its title quotes the words);
  // then, when the cell starts high, as much of its first lines as the room left allows.
  if (cell.top > win.height / 2) return { top: GAP, left, width, maxHeight: win.height - 2 * GAP };
  const top = Math.max(GAP, Math.min(cell.top + FIRST_LINES, win.height - panel.height - GAP));
  return { top, left, width, maxHeight: win.height - top - GAP };
}
