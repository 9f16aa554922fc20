import { m } from '$lib/paraglide/messages.js';
import { normaliseVerificationCode } from '$lib/server/certificates/codes';
import { verifyUrl } from '$lib/urls';
import { redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';

/** A GET form, so a typed code becomes a link that can be shared like the QR code's. */
export const load: PageServerLoad = ({ url }) => {
	const input = url.searchParams.get('code');
	if (input === null) return { value: '', error: null };
	const value = input.slice(0, 100);
	if (!value.trim()) return { value, error: m.certificates_verify_error_required() };
	const code = normaliseVerificationCode(value);
	if (!code) return { value, error: m.certificates_verify_error_format() };
	redirect(303, verifyUrl(code));
};
