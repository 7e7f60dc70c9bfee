import { ParsedMail, simpleParser } from 'mailparser';
import { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  /** RCPT TO addresses. */
  to: string[];
  from: string;
  raw: string;
  parsed: ParsedMail;
}

type SmtpError = Error & { responseCode: number };

/**
 * A real SMTP server (smtp-server) on 127.0.0.1, for the mail tests: it keeps
 * every message it accepts, and can refuse the next messages (451 or 550) or
 * every message until told otherwise, answer slowly, hold its answers until
 * released, or be stopped and started again on the same port. Like a real
 * server, it keeps no message whose connection closed before it answered
 * (the sender never learnt it was accepted, so it will send it again).
 */
export class TestSmtpServer {
  readonly received: ReceivedMail[] = [];
  /** Messages refused so far (each an SMTP transaction that reached DATA). */
  refused = 0;
  /** Messages whose connection closed before the server answered them (not kept). */
  abandoned = 0;
  private refusals: Array<{ code: number; message: string }> = [];
  private refusingAll?: { code: number; message: string };
  private delayMs = 0;
  private holding = false;
  private readonly held: Array<{ sessionId: string; answer: () => void }> = [];
  private readonly closedSessions = new Set<string>();
  private server?: SMTPServer;
  private waiters: Array<() => void> = [];

  private constructor(private port = 0) {}

  static async start(): Promise<TestSmtpServer> {
    const smtp = new TestSmtpServer();
    await smtp.listen();
    return smtp;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** Refuse the next `count` messages with `code` (451: try again later; 550: rejected). */
  refuseNext(count: number, code = 451, message = 'Tillfälligt fel, försök igen senare'): void {
    for (let i = 0; i < count; i++) this.refusals.push({ code, message });
  }

  /** Refuse every message with `code` until `acceptAgain()` (an SMTP server refusing for a while). */
  refuseAll(code = 451, message = 'Tillfälligt fel, försök igen senare'): void {
    this.refusingAll = { code, message };
  }

  acceptAgain(): void {
    this.refusingAll = undefined;
  }

  /** Take each message in but answer none until `release()`: the sender waits in the middle of its send. */
  hold(): void {
    this.holding = true;
  }

  /** Answers the held messages (and the next ones at once). */
  release(): void {
    this.holding = false;
    for (const { answer } of this.held.splice(0)) answer();
  }

  /** Messages taken in and waiting for their answer (`hold()`), and how many of their connections have closed. */
  get heldMessages(): { total: number; connectionClosed: number } {
    return { total: this.held.length, connectionClosed: this.held.filter((h) => this.closedSessions.has(h.sessionId)).length };
  }

  /** Accept each message only after `ms` (to catch a worker in the middle of a batch). */
  answerAfter(ms: number): void {
    this.delayMs = ms;
  }

  /** How many accepted messages carry this Message-ID. */
  count(messageId: string): number {
    return this.received.filter((m) => m.parsed.messageId === messageId).length;
  }

  /** Resolves when `count` messages have been accepted (in total), or rejects after `timeoutMs`. */
  async waitFor(count: number, timeoutMs = 20_000): Promise<ReceivedMail[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.received.length < count) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`expected ${count} email(s) at the SMTP server, got ${this.received.length}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return this.received;
  }

  /** Stops listening and drops open connections (the SMTP server is down). */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Listens again on the same port. */
  async restart(): Promise<void> {
    await this.stop();
    await this.listen();
  }

  private listen(): Promise<void> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      closeTimeout: 50,
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          const refusal = this.refusingAll ?? this.refusals.shift();
          if (refusal) {
            this.refused++;
            callback(Object.assign(new Error(refusal.message), { responseCode: refusal.code }) as SmtpError);
            return;
          }
          const raw = Buffer.concat(chunks);
          const keep = () => {
            if (this.closedSessions.has(session.id)) {
              this.abandoned++;
              callback(new Error('connection closed before the answer'));
              return;
            }
            simpleParser(raw).then(
              (parsed) => {
                this.received.push({
                  to: session.envelope.rcptTo.map((r) => r.address),
                  from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
                  raw: raw.toString('utf8'),
                  parsed,
                });
                for (const wake of this.waiters.splice(0)) wake();
                callback(null);
              },
              (e: unknown) => callback(e as Error),
            );
          };
          const answer = () => setTimeout(keep, this.delayMs);
          if (this.holding) this.held.push({ sessionId: session.id, answer });
          else answer();
        });
      },
      onClose: (session) => {
        this.closedSessions.add(session.id);
      },
    });
    this.server = server;
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => {
        server.off('error', reject);
        this.port = (server.server.address() as AddressInfo).port;
        resolve();
      });
    });
  }
}
