import type { CertificateKind, ItemType } from '$lib/content/types';
import { m } from '$lib/paraglide/messages.js';

export const itemTypeLabel = (type: ItemType): string =>
	({ lesson: m.content_type_lesson, quiz: m.content_type_quiz, assignment: m.content_type_assignment })[
		type
	]();

export const certificateLabel = (kind: CertificateKind | null): string =>
	kind === 'zertifikat'
		? m.content_certificate_zertifikat()
		: kind === 'teilnahmebestaetigung'
			? m.content_certificate_teilnahmebestaetigung()
			: m.content_certificate_none();
