import { certificateLabel } from '$lib/content/labels';
import { m } from '$lib/paraglide/messages.js';
import { requireUser } from '$lib/server/auth/guards';
import type { SessionUser } from '$lib/server/auth/session';
import {
	canManageCertificate,
	getCertificateFor,
	reissueCertificate,
	REVOKE_REASON_MAX,
	revokeCertificate
} from '$lib/server/certificates/manage';
import { certificateView, listCertificatesOf } from '$lib/server/certificates/queries';
import { formFailure, parseForm } from '$lib/server/validation/form';
import { error, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { isConfirmed } from '$lib/server/http/confirm';

function loadManaged(user: SessionUser, id: string) {
	const certificate = getCertificateFor(user, id);
	if (!certificate || !canManageCertificate(user, certificate)) error(404, 'not found');
	return certificate;
}

export const load: PageServerLoad = (event) => {
	const user = requireUser(event, 'trainer');
	const certificate = loadManaged(user, event.params.id);
	return {
		certificate: { ...certificateView(certificate), revokedReason: certificate.revokedReason },
		history: listCertificatesOf(certificate.userId, certificate.courseId).map((entry) => ({
			id: entry.id,
			number: entry.number,
			status: entry.status,
			issuedAt: entry.issuedAt
		})),
		reissued: event.url.searchParams.has('neu')
	};
};

const revokeSchema = () =>
	z.object({
		reason: z
			.string({ error: m.certificates_error_reason_required() })
			.trim()
			.min(1, m.certificates_error_reason_required())
			.max(REVOKE_REASON_MAX, m.certificates_error_too_long({ max: REVOKE_REASON_MAX })),
		bestaetigt: z.string().optional()
	});

export const actions: Actions = {
	revoke: async (event) => {
		const user = requireUser(event, 'trainer');
		const certificate = loadManaged(user, event.params.id);
		const parsed = parseForm(
			await event.request.formData(),
			revokeSchema(),
			m.common_error_duplicate_field()
		);
		if (!parsed.success) return formFailure(400, parsed.errors, parsed.values);
		if (parsed.data.bestaetigt !== 'ja') return { confirmRevoke: parsed.data.reason };
		const result = revokeCertificate(user, certificate.id, parsed.data.reason);
		if (!result.ok) return formFailure(409, { form: m.certificates_error_not_valid() });
		return {
			saved: m.certificates_revoke_done({
				kind: certificateLabel(certificate.snapshot.kind),
				number: certificate.number
			})
		};
	},
	reissue: async (event) => {
		const user = requireUser(event, 'trainer');
		const certificate = loadManaged(user, event.params.id);
		const form = await event.request.formData();
		if (!isConfirmed(form)) return { confirmReissue: true };
		const result = reissueCertificate(user, certificate.id);
		if (!result.ok) return formFailure(409, { form: m.certificates_error_not_valid() });
		redirect(303, `/trainer/zertifikate/${result.certificate.id}?neu`);
	}
};
