/** Most links a page keeps showing: the ones created since the page was opened. */
const MAX_LINKS = 20;
const REGISTRATION = /^\/registrieren\/[a-z2-7]{32}$/;

/**
 * The invitation links created earlier on this page travel along as hidden fields (tokens are
 * stored hashed, so they cannot be read back): each new submit shows them again, also without
 * JavaScript. Only this app's own registration links are taken back.
 */
export function earlierLinks(form: FormData, origin: string): string[] {
	return form
		.getAll('earlier')
		.map(String)
		.filter((link) => link.startsWith(origin) && REGISTRATION.test(link.slice(origin.length)))
		.slice(-MAX_LINKS);
}
