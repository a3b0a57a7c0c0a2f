import { useCallback, useRef, useState } from 'react';
import type { FlagSide, Segment } from '../../../../shared/schemas';

export interface Selection {
  segment: Segment;
  side: FlagSide;
  start: number;
  end: number;
}

/** The words last selected in a cell (a ref: it changes at every caret move) and whether any are selected. */
export function useSelection() {
  const selection = useRef<Selection | null>(null);
  const [hasSelection, setHasSelection] = useState(false);
  const onSelection = useCallback((segment: Segment, side: FlagSide, start: number, end: number) => {
    selection.current = { segment, side, start, end };
    setHasSelection(end > start);
  }, []);
  return { selection, hasSelection, onSelection };
}
