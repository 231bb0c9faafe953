import nodemailer from 'nodemailer';
import type { AlertNotification } from '../alert-notification.js';
import type { DeliveryChannel } from './channel-schema.js';
import { notificationText, notificationTitle } from './notification-text.js';

type EmailChannel = Extract<DeliveryChannel, { type: 'email' }>;

/** Sends the notification by SMTP; rejects when the server refuses it. */
export async function sendEmail(channel: EmailChannel, n: AlertNotification): Promise<void> {
  const { smtp } = channel;
  const transport = nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    ignoreTLS: smtp.ignoreTLS,
    auth: smtp.user ? { user: smtp.user, pass: smtp.pass ?? '' } : undefined,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  try {
    await transport.sendMail({
      from: channel.from,
      to: channel.to,
      subject: notificationTitle(n),
      text: notificationText(n),
      // The machine-readable notification travels along for mail rules and scripts.
      attachments: [{ filename: 'alert.json', content: JSON.stringify(n, null, 2), contentType: 'application/json' }],
    });
  } finally {
    transport.close();
  }
}
