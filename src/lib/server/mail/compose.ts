// Turns the parts of a mail into plain text and simple, accessible HTML: one column, real
// headings and lists, no images, no tracking, no styles that hide content from screen readers.

export interface MailLink {
	label: string;
	url: string;
}

export interface MailContent {
	subject: string;
	greeting: string;
	paragraphs: string[];
	/** A quoted excerpt, e.g. the trainer's comment. */
	quote?: string;
	/** Entries of a digest. */
	items?: { text: string; url: string }[];
	action?: MailLink;
	closing: string[];
	/** Why the mail came and how to change that. */
	footer: string[];
	footerLinks?: MailLink[];
}

export interface ComposedMail {
	subject: string;
	text: string;
	html: string;
}

export class ForeignLinkError extends Error {}

/** Every link must lead to this instance: mails never point anywhere else. */
function checkLink(url: string, origin: string): string {
	if (!url.startsWith(`${origin}/`)) throw new ForeignLinkError(`link outside ${origin}: ${url}`);
	return url;
}

const WEB_ADDRESS = /\b(?:[a-z][a-z0-9+.-]*:\/\/|www\.)[^\s<>"']+/gi;

/**
 * Web addresses inside text (a name, a title, a trainer's comment) are replaced: mail programs
 * would turn them into links, and mails link to nowhere but this platform.
 */
export function neutraliseWebAddresses(text: string, origin: string): string {
	return text.replace(WEB_ADDRESS, (match) => (match.startsWith(`${origin}/`) ? match : '[…]'));
}

const escapeHtml = (value: string) =>
	value
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/'/g, '&#39;');

function toText(content: MailContent): string {
	const blocks: string[] = [content.greeting, ...content.paragraphs];
	if (content.quote) {
		blocks.push(
			content.quote
				.split('\n')
				.map((line) => `> ${line}`)
				.join('\n')
		);
	}
	if (content.items?.length) {
		blocks.push(content.items.map((item) => `- ${item.text}\n  ${item.url}`).join('\n'));
	}
	if (content.action) blocks.push(`${content.action.label}:\n${content.action.url}`);
	blocks.push(content.closing.join('\n'));
	const footer = [
		...content.footer,
		...(content.footerLinks ?? []).map((link) => `${link.label}: ${link.url}`)
	];
	return `${blocks.join('\n\n')}\n\n-- \n${footer.join('\n')}\n`;
}

const paragraph = (text: string) => `<p>${escapeHtml(text).replace(/\n/g, '<br>')}</p>`;
const anchor = (link: MailLink) =>
	`<a href="${escapeHtml(link.url)}">${escapeHtml(link.label)}</a>`;

function toHtml(content: MailContent, locale: string): string {
	const body: string[] = [paragraph(content.greeting), ...content.paragraphs.map(paragraph)];
	if (content.quote) {
		body.push(
			`<blockquote style="margin:1em 0;padding:0.25em 1em;border-left:4px solid #555555">${paragraph(content.quote)}</blockquote>`
		);
	}
	if (content.items?.length) {
		const items = content.items.map(
			(item) => `<li>${anchor({ label: item.text, url: item.url })}</li>`
		);
		body.push(`<ul>${items.join('')}</ul>`);
	}
	if (content.action) {
		body.push(
			`<p><a href="${escapeHtml(content.action.url)}" style="display:inline-block;padding:0.6em 1.2em;background:#0b5394;color:#ffffff;text-decoration:underline;border-radius:4px">${escapeHtml(content.action.label)}</a></p>`,
			`<p style="word-break:break-all">${escapeHtml(content.action.url)}</p>`
		);
	}
	body.push(paragraph(content.closing.join('\n')));
	const footer = [
		...content.footer.map(paragraph),
		...(content.footerLinks ?? []).map((link) => `<p>${anchor(link)}</p>`)
	];
	return [
		'<!DOCTYPE html>',
		`<html lang="${escapeHtml(locale)}" dir="ltr">`,
		'<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
		`<title>${escapeHtml(content.subject)}</title></head>`,
		'<body style="margin:0;padding:1em;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#1a1a1a;background:#ffffff">',
		'<div style="max-width:40em;margin:0 auto">',
		...body,
		`<hr><footer style="font-size:14px;color:#444444">${footer.join('')}</footer>`,
		'</div></body></html>'
	].join('\n');
}

/** Checks every link against ORIGIN, then renders both parts. */
export function composeMail(raw: MailContent, origin: string, locale: string): ComposedMail {
	const clean = (text: string) => neutraliseWebAddresses(text, origin);
	const content: MailContent = {
		...raw,
		subject: clean(raw.subject).replace(/[\r\n]+/g, ' '),
		greeting: clean(raw.greeting),
		paragraphs: raw.paragraphs.map(clean),
		quote: raw.quote === undefined ? undefined : clean(raw.quote),
		items: raw.items?.map((item) => ({ ...item, text: clean(item.text) }))
	};
	for (const link of [
		...(content.action ? [content.action] : []),
		...(content.items ?? []),
		...(content.footerLinks ?? [])
	]) {
		checkLink(link.url, origin);
	}
	return { subject: content.subject, text: toText(content), html: toHtml(content, locale) };
}
