import { error } from '@sveltejs/kit';

/**
 * The 404 of a detail page whose object can be deleted (a diary entry, a topic, an event, …): it
 * says what is missing and leads back to the list, instead of the generic "Seite nicht gefunden
 * … Tippfehler" someone gets after Back from a deletion. The text is one for "never there",
 * "deleted" and "not yours", so it tells nobody whether the object exists.
 */
export function notFoundIn(detail: string, back: { href: string; label: string }): never {
	error(404, { message: 'Not Found', detail, back });
}
