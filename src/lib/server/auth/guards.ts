import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { atLeast, type Role } from '$lib/auth/roles';
import type { SessionUser } from './session';

export function hasRole(user: SessionUser, role: Role): boolean {
	return atLeast(user.role, role);
}

/**
 * Call at the top of every load, action and endpoint that needs a user: a layout guard does not
 * protect actions or +server.ts. Anonymous visitors are sent to the login page, users without
 * the role get a 403.
 */
export function requireUser(event: Pick<RequestEvent, 'locals' | 'url'>, role?: Role): SessionUser {
	const user = event.locals.user;
	if (!user) {
		const target = event.url.pathname + event.url.search;
		redirect(303, `/anmelden?weiter=${encodeURIComponent(target)}`);
	}
	if (role && !hasRole(user, role)) error(403, 'forbidden');
	return user;
}
