/**
 * How often a crashed server is restarted: at most `max` times within a sliding window of
 * `windowMs`; past that it is left stopped until the writer restarts it by hand, which starts
 * the count afresh. Kept apart from the VS Code API so that it can be tested alone.
 */
export class CrashWindow {
  private crashes: number[] = [];

  constructor(
    readonly max: number,
    readonly windowMs: number,
  ) {}

  /** Records a crash at `now` (ms): whether to restart, and how many crashes the window now holds. */
  record(now: number): { restart: boolean; count: number } {
    this.crashes.push(now);
    this.crashes = this.crashes.filter((t) => t > now - this.windowMs);
    return { restart: this.crashes.length <= this.max, count: this.crashes.length };
  }

  /** Forgets every crash: the writer restarted the server. */
  reset(): void {
    this.crashes = [];
  }
}
