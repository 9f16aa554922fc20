import type { CertificateSnapshot } from '$lib/certificates';
import { hoursSplitParts } from '$lib/content/hours-split';
import { m } from '$lib/paraglide/messages.js';

// The lines a certificate prints under the UE total for curriculum v2 rules. The certificate
// is German whatever the UI language.
const de = { locale: 'de' } as const;

/** `Davon: 10 UE online, 60 UE in Präsenz, 10 UE Praxis`, or null without a split. */
export function hoursSplitLine(snapshot: CertificateSnapshot): string | null {
	const parts = snapshot.hoursSplit ? hoursSplitParts(snapshot.hoursSplit, de) : [];
	return parts.length > 0 ? m.curriculum_pdf_split({ parts: parts.join(', ') }, de) : null;
}

/** The criteria a Zertifikat was awarded by, or null. */
export function criteriaLine(snapshot: CertificateSnapshot): string | null {
	const criteria = snapshot.criteria;
	if (!criteria || snapshot.kind !== 'zertifikat') return null;
	const met: string[] = [];
	if (criteria.minAttendancePercent !== null) {
		met.push(m.curriculum_pdf_attendance({ percent: criteria.minAttendancePercent }, de));
	}
	if (criteria.requiredAssignmentsAccepted) met.push(m.curriculum_pdf_assignments({}, de));
	return met.length > 0 ? m.curriculum_pdf_criteria({ criteria: met.join(', ') }, de) : null;
}

/** Draws the lines (if any) at the current position, in the body's small print. */
export function drawCurriculumLines(
	doc: PDFKit.PDFDocument,
	snapshot: CertificateSnapshot,
	box: { x: number; width: number }
): void {
	for (const line of [hoursSplitLine(snapshot), criteriaLine(snapshot)]) {
		if (line) doc.font('regular').fontSize(9).fillColor('#000000').text(line, box.x, doc.y, box);
	}
}
