import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { HeatStrip } from './heat-strip';

const perSegment = Array.from({ length: 30 }, (_, i) => ({
  segmentId: `s${i + 1}`,
  words: 10,
  points: i % 7 === 0 ? 5 : 0,
}));

describe('HeatStrip', () => {
  it('is one Tab stop, walked with the arrows, Page Up/Down, Home and End', () => {
    render(<HeatStrip perSegment={perSegment} onGoTo={() => {}} />);
    const cells = screen.getAllByRole('button');
    expect(cells).toHaveLength(30);
    expect(cells.filter((c) => c.tabIndex === 0)).toEqual([cells[0]]);

    cells[0]!.focus();
    fireEvent.keyDown(cells[0]!, { key: 'ArrowDown' });
    expect(cells[1]).toHaveFocus();
    expect(cells.filter((c) => c.tabIndex === 0)).toEqual([cells[1]]);
    fireEvent.keyDown(cells[1]!, { key: 'PageDown' });
    expect(cells[11]).toHaveFocus();
    fireEvent.keyDown(cells[11]!, { key: 'End' });
    expect(cells[29]).toHaveFocus();
    fireEvent.keyDown(cells[29]!, { key: 'ArrowDown' });
    expect(cells[29]).toHaveFocus();
    fireEvent.keyDown(cells[29]!, { key: 'Home' });
    expect(cells[0]).toHaveFocus();
    fireEvent.keyDown(cells[0]!, { key: 'ArrowUp' });
    expect(cells[0]).toHaveFocus();
  });

  it('names each cell by its segment and points, and goes to the segment on Enter or click', () => {
    const onGoTo = vi.fn();
    render(<HeatStrip perSegment={perSegment} onGoTo={onGoTo} />);
    const eighth = screen.getByRole('button', { name: /segment 8\b.*5/i });
    fireEvent.click(eighth);
    expect(onGoTo).toHaveBeenCalledWith('s8');
  });
});
