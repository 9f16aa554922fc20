import { m } from '$lib/paraglide/messages.js';
import type { EventConfirmationSnapshot } from '$lib/events';
import { drawHeader, renderSignedDocument } from '../certificates/pdf';
import { drawFooter } from '../certificates/pdf-footer';
import { ACCENT, CONTENT_WIDTH, MARGIN, de, formatGermanDate } from '../certificates/pdf-layout';
import type { PdfOptions } from '../certificates/pdf-layout';

/** "am 12. Juni 2027" or "vom 12. Juni 2027 bis 13. Juni 2027". */
export function eventPeriodText(from: string, to: string): string {
	return from === to
		? m.certificates_pdf_period_day({ date: formatGermanDate(from) }, de)
		: m.certificates_pdf_period({ from: formatGermanDate(from), to: formatGermanDate(to) }, de);
}

/** The Teilnahmebestätigung of an event (one A4 page): the person, the event, the days. */
export function renderEventConfirmationPdf(
	snapshot: EventConfirmationSnapshot,
	options: PdfOptions
): Promise<Buffer> {
	const heading = m.certificates_pdf_heading_attendance({}, de);
	return renderSignedDocument(
		{
			title: `${heading}: ${snapshot.eventTitle}`,
			subject: m.certificates_pdf_subject(
				{ kind: heading, name: snapshot.participantName, number: snapshot.number },
				de
			),
			frame: snapshot,
			snapshot
		},
		options,
		(doc, tagger) => {
			const { tag } = tagger;
			const center = { width: CONTENT_WIDTH, align: 'center' as const };
			drawHeader(doc, tagger, snapshot, options.logo);
			doc.y = 150;
			tag('H1', () =>
				doc.font('bold').fontSize(30).fillColor(ACCENT).text(heading, MARGIN, doc.y, center)
			);
			tag('P', () => {
				doc.moveDown(0.8).font('regular').fontSize(12).fillColor('#000000');
				doc.text(m.certificates_pdf_intro_attendance({}, de), center);
				doc.moveDown(0.4).font('bold').fontSize(22).text(snapshot.participantName, center);
				doc.moveDown(0.4).font('regular').fontSize(12);
				doc.text(m.events_pdf_lead({}, de), center);
				doc.moveDown(0.3).font('bold').fontSize(15).text(snapshot.eventTitle, center);
				doc.moveDown(0.3).font('regular').fontSize(12);
				doc.text(eventPeriodText(snapshot.startsOn, snapshot.endsOn), center);
				doc.text(
					snapshot.format === 'online'
						? m.events_pdf_online({}, de)
						: m.events_pdf_place({ place: snapshot.place }, de),
					center
				);
				doc.text(m.events_pdf_outro({}, de), center);
			});
			tag('P', () => {
				doc.moveDown(1).fontSize(11);
				const days = snapshot.daysAttended.map((day) => formatGermanDate(day)).join(', ');
				doc.text(m.events_pdf_days({ days }, de), MARGIN, doc.y, { width: CONTENT_WIDTH });
			});
			drawFooter(doc, tagger, snapshot, {
				...options,
				numberLine: m.events_pdf_number({ number: snapshot.number }, de)
			});
		}
	);
}
