import { error, type RequestEvent } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';

/**
 * The client's address, for throttles and audit entries. Behind a proxy (ADDRESS_HEADER) a
 * request that bypassed it has none: that is answered with a 400 that says so, not a 500.
 */
export function clientAddress(event: Pick<RequestEvent, 'getClientAddress'>): string {
	try {
		return event.getClientAddress();
	} catch {
		const message = m.security_error_no_client_address();
		error(400, { message, detail: message });
	}
}
