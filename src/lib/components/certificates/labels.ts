import type { CertificateStatus } from '$lib/certificates';
import type { CertificateKind } from '$lib/content/types';
import { m } from '$lib/paraglide/messages.js';
import { dateTimeFormat } from '$lib/intl';

export const kindLabel = (kind: CertificateKind) =>
	kind === 'zertifikat'
		? m.certificates_kind_zertifikat()
		: m.certificates_kind_teilnahmebestaetigung();

export const statusLabel = (status: CertificateStatus) =>
	status === 'valid'
		? m.certificates_status_valid()
		: status === 'revoked'
			? m.certificates_status_revoked()
			: m.certificates_status_superseded();

/** `2026-03-12` as a date in the reader's language (the day itself has no time zone). */
export function formatDay(day: string, locale: string): string {
	return dateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(
		new Date(`${day}T00:00:00Z`)
	);
}
