import type { ContentLanguages } from '$lib/content/language';
import type { SessionUser, Session } from '$lib/server/auth/session';

declare global {
	namespace App {
		interface Locals {
			user: SessionUser | null;
			session: Session | null;
		}
		interface PageData {
			/** Each course's language by course ID (root layout), for `contentLang`. */
			contentLanguages?: ContentLanguages;
		}
		interface Error {
			message: string;
			errorId?: string;
			/** An explanation for the visitor in their language (the page shows it). */
			detail?: string;
			/** The list a missing object belonged to (notFoundIn): the page links back to it. */
			back?: { href: string; label: string };
		}
	}
}

export {};
