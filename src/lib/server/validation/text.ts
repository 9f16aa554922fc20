/**
 * Bidirectional formatting characters: ALM, LRM, RLM, the embeddings and overrides
 * (U+202A–U+202E) and the isolates (U+2066–U+2069). In a one-line label they have no use but
 * one: `rechnung\u202Efdp.exe` shows on a trainer's page as `rechnungexe.pdf`.
 */
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * The other control characters: C0 but tab, line feed and carriage return, DEL and C1. Nobody
 * types them; a crafted post can, and they print as empty boxes on a certificate.
 */
// eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
const OTHER_CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/** Strips control characters from text before it is stored; line breaks and tabs stay. */
export const withoutControls = (text: string): string =>
	text.replace(BIDI_CONTROLS, '').replace(OTHER_CONTROLS, '');

/** A name or title: no control characters, and line breaks or tabs (only a crafted post holds them) as spaces. */
export const asOneLine = (text: string): string => withoutControls(text).replace(/[\t\n\r]+/g, ' ');

/** Fields whose value is compared, never shown or echoed: a password is taken as typed. */
export const SECRET_FIELD = /password|passwort/i;

/**
 * Every text field of a submitted form without C0/C1 control characters (tab and line breaks
 * stay); files and passwords unchanged. Applied where forms are read, so no field can store them.
 */
export function withoutControlsInForm(form: FormData): FormData {
	const cleaned = new FormData();
	for (const [name, value] of form.entries()) {
		cleaned.append(
			name,
			typeof value === 'string' && !SECRET_FIELD.test(name)
				? value.replace(OTHER_CONTROLS, '')
				: value
		);
	}
	return cleaned;
}
