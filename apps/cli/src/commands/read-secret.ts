import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';

/**
 * A secret from standard input: piped (`echo … | npm run cli -- …`, the first
 * line) or typed at a terminal without echo.
 */
export async function readSecret(prompt: string, input: NodeJS.ReadStream = process.stdin): Promise<string> {
  if (!input.isTTY) {
    let data = '';
    for await (const chunk of input) data += chunk.toString();
    return data.split(/\r?\n/)[0] ?? '';
  }
  const muted = new Writable({ write: (_chunk, _enc, done) => done() });
  process.stderr.write(prompt);
  const rl = createInterface({ input, output: muted, terminal: true });
  const line = await new Promise<string>((resolve) => rl.once('line', resolve));
  rl.close();
  process.stderr.write('\n');
  return line;
}
