import { error, type RequestEvent } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';

type AddressSource = Pick<RequestEvent, 'getClientAddress'>;

/**
 * The client's address, or null when there is none: behind a proxy (ADDRESS_HEADER) a request
 * that bypassed it has no header, and adapter-node's getClientAddress throws.
 */
export function knownClientAddress(event: AddressSource): string | null {
	try {
		return event.getClientAddress();
	} catch {
		return null;
	}
}

/**
 * The client's address, for throttles and audit entries. A request without one is answered with
 * a 400 that says why, not a 500.
 */
export function clientAddress(event: AddressSource): string {
	const address = knownClientAddress(event);
	if (address !== null) return address;
	const message = m.security_error_no_client_address();
	error(400, { message, detail: message });
}
