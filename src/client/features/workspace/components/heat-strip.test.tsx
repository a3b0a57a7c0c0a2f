import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { HeatStrip, type HeatMark } from './heat-strip';

// 30 marks, as a long document's segments with points: segment 7k+1 has 5 points, placed where its row is.
const marks: HeatMark[] = Array.from({ length: 30 }, (_, i) => ({
  segmentId: `s${7 * i + 1}`,
  n: 7 * i + 1,
  points: i === 3 ? 25 : 5,
  top: i / 30,
  height: 1 / 300,
}));

describe('HeatStrip', () => {
  it('is one Tab stop, walked with the arrows, Page Up/Down, Home and End', () => {
    render(<HeatStrip marks={marks} viewTop={0} viewHeight={0.1} onGoTo={() => {}} onPick={() => {}} />);
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

  it('names each mark by its segment and points, and goes to the segment on Enter or click', () => {
    const onGoTo = vi.fn();
    render(<HeatStrip marks={marks} viewTop={0} viewHeight={0.1} onGoTo={onGoTo} onPick={() => {}} />);
    const mark = screen.getByRole('button', { name: /segment 22\b.*25/i });
    fireEvent.click(mark);
    expect(onGoTo).toHaveBeenCalledWith('s22');
  });

  it('places each mark at its row’s share of the document, and says what the colours mean', () => {
    render(<HeatStrip marks={marks} viewTop={0.5} viewHeight={0.25} onGoTo={() => {}} onPick={() => {}} />);
    const mark = screen.getByRole('button', { name: /segment 71\b/i });
    expect(mark.style.top).toBe('33.3333%');
    expect(screen.getByRole('navigation', { name: 'MQM scorecard' })).toHaveAccessibleDescription(
      /penalty points per segment.*25 or more/i,
    );
  });

  it('a click between marks picks the segment at that height', () => {
    const onPick = vi.fn();
    const { container } = render(
      <HeatStrip marks={marks} viewTop={0} viewHeight={0.1} onGoTo={() => {}} onPick={onPick} />,
    );
    const track = container.querySelector('.heat-track') as HTMLElement;
    track.getBoundingClientRect = () => ({
      top: 100,
      height: 400,
      bottom: 500,
      left: 0,
      right: 10,
      width: 10,
      x: 0,
      y: 100,
      toJSON: () => ({}),
    });
    fireEvent.click(track, { clientY: 300 });
    expect(onPick).toHaveBeenCalledWith(0.5);
  });
});
