// Ends a terminal nobody typed in for a while. Only the person's input (keys, resizes) counts: a
// forgotten tab running `top` is exactly what the timeout is for. One timer re-armed lazily, not
// one per keystroke.
export class IdleTimer {
  private last = Date.now();
  private timer: ReturnType<typeof setTimeout> | null = null;

  /** `timeoutMs` 0: never. */
  constructor(
    private readonly timeoutMs: number,
    private readonly onIdle: () => void,
  ) {
    if (timeoutMs > 0) this.arm(timeoutMs);
  }

  touch(): void {
    this.last = Date.now();
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private arm(delay: number): void {
    this.timer = setTimeout(() => {
      const idle = Date.now() - this.last;
      if (idle >= this.timeoutMs) {
        this.timer = null;
        this.onIdle();
      } else this.arm(this.timeoutMs - idle);
    }, delay);
    this.timer.unref?.();
  }
}
