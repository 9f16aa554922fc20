// Without SMTP a mail's text stays in the outbox (it is scrubbed only once sent), so an export
// would hand over links that still work: set a password, confirm an address, accept an
// invitation, unsubscribe. An export travels (mail attachments, shared drives), so the token
// part of such links is replaced; the rest of each mail stays as it was sent.

/**
 * The pages whose path carries a secret token as the segment after it: `resetPath`,
 * `emailConfirmPath`, `registrationPath` (auth) and `unsubscribePath` (mail). Listed here rather
 * than imported, so privacy does not depend on auth; export-mail.test.ts checks each builder.
 */
const TOKEN_PAGES = ['passwort-zuruecksetzen', 'email-bestaetigen', 'registrieren', 'abbestellen'];

const TOKEN_LINK = new RegExp(`(/(?:${TOKEN_PAGES.join('|')})/)[^\\s/?#"'<>]+`, 'g');

export const REDACTED = '[entfernt]';

export function redactTokenLinks(text: string): string {
	return text.replace(TOKEN_LINK, `$1${REDACTED}`);
}

/** The outbox rows of an export with their texts redacted. */
export function redactMails<T extends { text: string | null }>(mails: T[]): T[] {
	return mails.map((mail) => (mail.text ? { ...mail, text: redactTokenLinks(mail.text) } : mail));
}
