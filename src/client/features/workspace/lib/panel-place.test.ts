import { describe, expect, it } from 'vitest';
import { placePanel } from './panel-place';

const win = { width: 1400, height: 820 };
const panel = { width: 416, height: 600 };
const box = (left: number, right: number, top: number, bottom: number) => ({ left, right, top, bottom });

describe('where the classification panel goes', () => {
  it('beside the translation, on the side away from the source, when the window has room there', () => {
    // Left to right: # and status, source 220–625, translation 630–1030; the side panel to the right.
    const p = placePanel(box(630, 1030, 450, 650), box(30, 1030, 450, 650), panel, win);
    expect(p.left).toBe(1038);
    expect(p.width).toBe(354);
    expect(p.top).toBe(212); // moved up so that it ends above the window's bottom
    expect(p.maxHeight).toBe(820 - 212 - 8);
  });

  it('mirrored in a right-to-left table: left of the translation', () => {
    const p = placePanel(box(370, 775, 100, 300), box(370, 1370, 100, 300), panel, win);
    expect(p.left + p.width).toBe(362);
    expect(p.top).toBe(100);
  });

  it('under or over the cell when there is no room beside it; else all of it in the window', () => {
    const narrow = { width: 420, height: 820 };
    const under = placePanel(box(8, 412, 20, 120), box(0, 420, 0, 400), panel, narrow);
    expect(under).toMatchObject({ top: 128, left: 8, width: 404 });
    const over = placePanel(box(8, 412, 700, 800), box(0, 420, 300, 800), panel, narrow);
    expect(over.top).toBe(700 - 8 - 600);
    // Neither: all of the panel in view; below the cell's first lines when the window leaves room for them.
    expect(placePanel(box(8, 412, 500, 1500), box(0, 420, 0, 1500), panel, narrow)).toMatchObject({
      top: 8,
      maxHeight: 804,
    });
    expect(placePanel(box(8, 412, 100, 1500), box(0, 420, 0, 1500), panel, narrow).top).toBe(100 + 80);
    expect(placePanel(box(8, 412, 60, 440), box(0, 420, 0, 440), { width: 416, height: 400 }, narrow)).toMatchObject({
      top: 140,
      maxHeight: 672,
    });
  });
});
