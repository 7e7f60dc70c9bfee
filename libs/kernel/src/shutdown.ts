/**
 * Runs `close` once on SIGINT/SIGTERM, then exits. A second signal exits at once
 * (an operator pressing Ctrl-C twice means it).
 */
export function onShutdownSignal(close: (signal: NodeJS.Signals) => Promise<void>, log: (m: string) => void = () => undefined): void {
  let closing = false;
  const handler = (signal: NodeJS.Signals) => {
    if (closing) {
      log(`${signal} again: exiting now`);
      process.exit(130);
    }
    closing = true;
    log(`${signal}: shutting down`);
    close(signal).then(
      () => process.exit(0),
      (e: unknown) => {
        log(`shutdown failed: ${(e as Error).stack ?? String(e)}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
}
