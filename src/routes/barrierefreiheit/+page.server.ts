import { m } from '$lib/paraglide/messages.js';
import {
	barrierReportSchema,
	barrierReportThrottle,
	reportBarrier
} from '$lib/server/operator/barrier-report';
import { accessibilityContact, getOperatorSettings } from '$lib/server/operator/settings';
import { formFailure, parseForm } from '$lib/server/validation/form';
import type { Actions, PageServerLoad } from './$types';
import { clientAddress } from '$lib/server/http/client-address';
import { repeatSafe } from '$lib/server/http/repeat-safe';

/** Public, like the page: anyone who meets a barrier can report it, signed in or not. */
export const load: PageServerLoad = (event) => {
	const operator = getOperatorSettings();
	return {
		operator,
		contactEmail: accessibilityContact(operator),
		// The footer link carries the page the person came from.
		page: (event.url.searchParams.get('seite') ?? '').slice(0, 300)
	};
};

export const actions: Actions = {
	default: repeatSafe(async (event) => {
		const parsed = parseForm(
			await event.request.formData(),
			barrierReportSchema(),
			m.common_error_duplicate_field()
		);
		if (!parsed.success) return formFailure(400, parsed.errors, parsed.values);
		if (!barrierReportThrottle.take(clientAddress(event))) {
			const { page, description, email } = parsed.data;
			return formFailure(
				429,
				{ form: m.operator_barrier_throttled() },
				{ page, description, email }
			);
		}
		reportBarrier(parsed.data);
		return { sent: true };
	})
};
