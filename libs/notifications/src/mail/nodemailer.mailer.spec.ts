import { simpleParser } from 'mailparser';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TestSmtpServer } from '../../../../test/support/smtp';
import { OutgoingMail } from './mailer';
import { FileMailer, SmtpMailer } from './nodemailer.mailer';

const FROM = 'Samverka <noreply@samverka.malmo.example>';

const mail: OutgoingMail = {
  to: { name: 'Åsa Öberg', address: 'asa.oberg@malmo.example' },
  subject: 'Du är utsedd till samordnare för medborgarservice på Miljöförvaltningen',
  html: '<p>Hej Åsa Öberg!</p>',
  text: 'Hej Åsa Öberg!\n',
  messageId: '<6f1c7a52.coordinator.appointed@samverka.malmo.example>',
  attachments: [{ filename: 'uppdraget-borjar.ics', content: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n', contentType: 'text/calendar; charset=utf-8; method=PUBLISH' }],
};

describe(SmtpMailer.name, () => {
  let smtp: TestSmtpServer;
  let sut: SmtpMailer;
  beforeAll(async () => {
    smtp = await TestSmtpServer.start();
    sut = new SmtpMailer(smtp.url, FROM);
  });
  afterAll(async () => {
    await sut.close();
    await smtp.stop();
  });

  it('delivers the email as given, marked as automatic, with its own Message-ID, and reports the answer', async () => {
    const sent = await sut.send(mail);
    expect(sent.messageId).toBe(mail.messageId);
    expect(sent.response).toMatch(/^250 /);
    const [received] = await smtp.waitFor(1);
    expect({ to: received.to, from: received.from }).toEqual({ to: ['asa.oberg@malmo.example'], from: 'noreply@samverka.malmo.example' });
    const { parsed } = received;
    expect(parsed.from?.value).toEqual([{ name: 'Samverka', address: 'noreply@samverka.malmo.example' }]);
    expect(parsed.to && !Array.isArray(parsed.to) ? parsed.to.value : null).toEqual([{ name: 'Åsa Öberg', address: 'asa.oberg@malmo.example' }]);
    expect(parsed.subject).toBe(mail.subject);
    expect(parsed.text).toBe(mail.text);
    expect(parsed.html).toBe(mail.html);
    expect(parsed.messageId).toBe(mail.messageId);
    expect(parsed.headers.get('auto-submitted')).toBe('auto-generated');
    expect(parsed.attachments.map((a) => [a.filename, a.contentType, a.content.toString('utf8')])).toEqual([
      ['uppdraget-borjar.ics', 'text/calendar', 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n'],
    ]);
  });

  it('keeps the connection open between emails (a pool), whatever the address says', async () => {
    const pooled = new SmtpMailer(`${smtp.url}?pool=false`, FROM);
    try {
      expect((pooled as unknown as { transport: { transporter: { name: string } } }).transport.transporter.name).toBe('SMTP (pool)');
    } finally {
      await pooled.close();
    }
  });
});

describe(FileMailer.name, () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'samverka-mail-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('writes each email as an .eml file named by time and Message-ID, in a folder it creates', async () => {
    const sut = new FileMailer(join(dir, 'var', 'mail'), FROM);
    const sent = await sut.send(mail);
    await sut.close();

    const files = await readdir(join(dir, 'var', 'mail'));
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z-6f1c7a52\.coordinator\.appointedsamverka\.malmo\.example\.eml$/);
    const path = join(dir, 'var', 'mail', files[0]);
    expect(sent).toEqual({ messageId: mail.messageId, response: `written to ${path}` });

    const raw = await readFile(path, 'utf8');
    expect(raw).not.toContain('\r\n');
    const parsed = await simpleParser(raw);
    expect(parsed.subject).toBe(mail.subject);
    expect(parsed.from?.value).toEqual([{ name: 'Samverka', address: 'noreply@samverka.malmo.example' }]);
    expect(parsed.messageId).toBe(mail.messageId);
    expect(parsed.headers.get('auto-submitted')).toBe('auto-generated');
    expect(parsed.attachments.map((a) => a.filename)).toEqual(['uppdraget-borjar.ics']);
  });
});
