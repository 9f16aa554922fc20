import type { SessionUser, Session } from '$lib/server/auth/session';

declare global {
	namespace App {
		interface Locals {
			user: SessionUser | null;
			session: Session | null;
		}
		interface Error {
			message: string;
			errorId?: string;
			/** An explanation for the visitor in their language (the page shows it). */
			detail?: string;
		}
	}
}

export {};
