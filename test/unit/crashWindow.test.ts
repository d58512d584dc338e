import { describe, expect, it } from 'vitest';
import { CrashWindow } from '../../client/src/crashWindow';

const MINUTE = 60_000;

describe('restarting a crashed server', () => {
  it('restarts four times within three minutes, then leaves the server stopped', () => {
    const window = new CrashWindow(4, 3 * MINUTE);
    const answers = [0, 10, 20, 30, 40].map((s) => window.record(s * 1000));
    expect(answers.map((a) => a.restart)).toEqual([true, true, true, true, false]);
    expect(answers.map((a) => a.count)).toEqual([1, 2, 3, 4, 5]);
  });

  it('forgets crashes older than the window', () => {
    const window = new CrashWindow(4, 3 * MINUTE);
    for (const m of [0, 1, 2, 2.5]) expect(window.record(m * MINUTE).restart).toBe(true);
    // Three minutes after the first crash, it no longer counts: four in the window.
    expect(window.record(3 * MINUTE)).toEqual({ restart: true, count: 4 });
    expect(window.record(3.1 * MINUTE)).toEqual({ restart: false, count: 5 });
    expect(window.record(10 * MINUTE)).toEqual({ restart: true, count: 1 });
  });

  it('starts afresh when the writer restarts the server by hand', () => {
    const window = new CrashWindow(4, 3 * MINUTE);
    for (let i = 0; i < 5; i++) window.record(i);
    expect(window.record(5).restart).toBe(false);
    window.reset();
    expect(window.record(6)).toEqual({ restart: true, count: 1 });
  });
});
