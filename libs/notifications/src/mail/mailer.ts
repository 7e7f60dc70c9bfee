/** A rendered email, ready to send. */
export interface OutgoingMail {
  to: { name: string; address: string };
  subject: string;
  html: string;
  text: string;
  /** Stable Message-ID, derived from the notification, so a resend is recognisable as the same message. */
  messageId: string;
  attachments?: Array<{ filename: string; content: string; contentType: string }>;
}

export interface SentMail {
  messageId: string;
  /** Where it went: the SMTP server's answer, or the .eml file. */
  response: string;
}

/** The mail port: SMTP in production, .eml files without SMTP_URL. */
export abstract class Mailer {
  abstract send(mail: OutgoingMail): Promise<SentMail>;
  abstract close(): Promise<void>;
}
