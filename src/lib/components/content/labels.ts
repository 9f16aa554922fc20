import type { CertificateKind, HoursSplit, ItemType } from '$lib/content/types';
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

/** `["24 UE online", "48 UE in Präsenz"]`: the non-empty parts of a UE split. */
export function hoursSplitParts(split: HoursSplit, options?: { locale?: 'de' | 'en' }): string[] {
	const parts: string[] = [];
	if (split.online > 0) parts.push(m.curriculum_hours_online({ hours: split.online }, options));
	if (split.inPerson > 0) {
		parts.push(m.curriculum_hours_in_person({ hours: split.inPerson }, options));
	}
	if (split.practice > 0) parts.push(m.curriculum_hours_practice({ hours: split.practice }, options));
	return parts;
}
