/**
 * The one way a script starts and fails: `runMain(main)` at the bottom of each CLI. A failure
 * prints its message (not a stack: the user ran a command, not a debugger) and exits 1.
 */
export function runMain(main: () => unknown, options: { exitWhenDone?: boolean; errorPrefix?: string } = {}): void {
  Promise.resolve()
    .then(main)
    .then(
      // Some scripts leave handles open (a database client's pool, a server they stopped): exit
      // explicitly rather than hang.
      () => {
        if (options.exitWhenDone) process.exit(0);
      },
      (error: unknown) => {
        console.error(`${options.errorPrefix ?? ""}${error instanceof Error ? error.message : String(error)}`);
        process.exit(1);
      },
    );
}

/** The value after `--name` on the command line, if any. */
export function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
