/** Command output for the operator (Nest's own logger is kept to warnings and errors in the CLI). */
export const say = (message: string): void => {
  process.stdout.write(`${message}\n`);
};
