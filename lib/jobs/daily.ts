// Housekeeping that runs once at start and then once a day on every instance (each task is an
// idempotent delete, so several instances running it is harmless). Failures are logged, not thrown.
const DAY_MS = 24 * 3600 * 1000;

/** `task` answers what it did, for the log. Returns the stop function. */
export function runDaily(name: string, task: () => Promise<string>, log: (message: string) => void): () => void {
  const run = () =>
    task()
      .then((done) => log(`${name}: ${done}`))
      .catch((error: Error) => log(`${name} failed: ${error.message}`));
  void run();
  const timer = setInterval(() => void run(), DAY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
