import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer, { Transporter } from 'nodemailer';
import { Mailer, OutgoingMail, SentMail } from './mailer';

const toMessage = (from: string, mail: OutgoingMail) => ({
  from,
  to: mail.to,
  subject: mail.subject,
  html: mail.html,
  text: mail.text,
  messageId: mail.messageId,
  attachments: mail.attachments,
  headers: { 'Auto-Submitted': 'auto-generated' },
});

/** Pooled SMTP from SMTP_URL (smtp:// or smtps://, credentials in the URL). */
export class SmtpMailer extends Mailer {
  private readonly transport: Transporter;

  constructor(
    url: string,
    private readonly from: string,
  ) {
    super();
    const u = new URL(url);
    u.searchParams.set('pool', 'true');
    this.transport = nodemailer.createTransport(u.toString());
  }

  async send(mail: OutgoingMail): Promise<SentMail> {
    const info = await this.transport.sendMail(toMessage(this.from, mail));
    return { messageId: info.messageId ?? mail.messageId, response: info.response ?? '' };
  }

  async close(): Promise<void> {
    this.transport.close();
  }
}

/** Without SMTP: each email becomes an .eml file under DATA_DIR/mail, named by time and Message-ID. */
export class FileMailer extends Mailer {
  private readonly transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });

  constructor(
    private readonly dir: string,
    private readonly from: string,
  ) {
    super();
  }

  async send(mail: OutgoingMail): Promise<SentMail> {
    const info = await this.transport.sendMail(toMessage(this.from, mail));
    await mkdir(this.dir, { recursive: true });
    const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${mail.messageId.replace(/[^A-Za-z0-9.-]/g, '')}.eml`;
    const path = join(this.dir, name);
    await writeFile(path, info.message as Buffer);
    return { messageId: info.messageId, response: `written to ${path}` };
  }

  async close(): Promise<void> {
    this.transport.close();
  }
}
