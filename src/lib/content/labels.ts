import type { CertificateStatus } from '$lib/certificates';
import type { CourseDocument, ItemType } from '$lib/content/types';
import { m } from '$lib/paraglide/messages.js';

// One German term per concept of the course content, for pages, CSV and mails.

export const itemTypeLabel = (type: ItemType): string =>
	({ lesson: m.content_type_lesson, quiz: m.content_type_quiz, assignment: m.content_type_assignment })[
		type
	]();

/** `locale` for mails, which are written in their reader's language. */
export function certificateLabel(kind: CourseDocument | null, locale?: 'de' | 'en'): string {
	const options = locale ? { locale } : undefined;
	if (kind === 'either') return m.content_certificate_either({}, options);
	if (kind === 'zertifikat') return m.content_certificate_zertifikat({}, options);
	if (kind === 'teilnahmebestaetigung') {
		return m.content_certificate_teilnahmebestaetigung({}, options);
	}
	return m.content_certificate_none({}, options);
}

export const certificateStatusLabel = (status: CertificateStatus) =>
	status === 'valid'
		? m.certificates_status_valid()
		: status === 'revoked'
			? m.certificates_status_revoked()
			: m.certificates_status_superseded();
