import { m } from '$lib/paraglide/messages.js';
import PDFDocument from 'pdfkit';
import { drawCurriculumLines } from './pdf-curriculum';
import { certificateFonts } from './pdf-fonts';
import { layoutWordsWithoutCopies } from './pdf-word-layout';
import type { IssuerImage } from './settings';
import { canonicalJson, publicKeyFingerprint } from './signing';
import { drawFooter } from './pdf-footer';
import { A4, ACCENT, CONTENT_WIDTH, MARGIN, de, formatGermanDate } from './pdf-layout';
import type { DocumentFrame, PdfOptions, Tagger } from './pdf-layout';
import type { CertificateSnapshot } from '$lib/certificates';

export function periodText(period: CertificateSnapshot['period']): string | null {
	const { from, to } = period;
	if (from && to && from !== to) {
		return m.certificates_pdf_period(
			{ from: formatGermanDate(from), to: formatGermanDate(to) },
			de
		);
	}
	const day = to ?? from;
	return day ? m.certificates_pdf_period_day({ date: formatGermanDate(day) }, de) : null;
}

export const certificateHeading = (kind: CertificateSnapshot['kind']) =>
	kind === 'zertifikat'
		? m.certificates_pdf_heading_certificate({}, de)
		: m.certificates_pdf_heading_attendance({}, de);

function createTagger(doc: PDFKit.PDFDocument): Tagger & { end(): void } {
	const root = doc.struct('Document');
	doc.addStructure(root);
	return {
		tag: (type, draw, alt) => root.add(doc.struct(type, alt ? { alt } : {}, draw)),
		artifact: (draw) => {
			doc.markContent('Artifact', { type: 'Layout' });
			draw();
			doc.endMarkedContent();
		},
		end: () => root.end()
	};
}

export function drawHeader(
	doc: PDFKit.PDFDocument,
	{ tag }: Tagger,
	snapshot: Pick<DocumentFrame, 'issuer'>,
	logo?: IssuerImage | null
) {
	const { issuer } = snapshot;
	tag('P', () => {
		doc
			.font('bold')
			.fontSize(11)
			.fillColor('#000000')
			.text(issuer.name, MARGIN, MARGIN, {
				width: CONTENT_WIDTH - 170
			});
		if (issuer.address) {
			doc
				.font('regular')
				.fontSize(9)
				.fillColor('#444444')
				.text(issuer.address, {
					width: CONTENT_WIDTH - 170
				});
		}
	});
	if (logo) {
		const x = A4.width - MARGIN - 150;
		tag(
			'Figure',
			() => doc.image(logo.data, x, MARGIN, { fit: [150, 60], align: 'right' }),
			m.certificates_pdf_logo_alt({ name: issuer.name }, de)
		);
	}
}

function drawBody(doc: PDFKit.PDFDocument, { tag }: Tagger, snapshot: CertificateSnapshot) {
	const center = { width: CONTENT_WIDTH, align: 'center' as const };
	const attendance = snapshot.kind !== 'zertifikat';
	doc.y = 150;
	tag('H1', () =>
		doc
			.font('bold')
			.fontSize(30)
			.fillColor(ACCENT)
			.text(certificateHeading(snapshot.kind), MARGIN, doc.y, center)
	);
	tag('P', () => drawStatement(doc, snapshot, attendance, center));
}

/** The sentence that certifies: name, course, period, in one paragraph for screen readers. */
function drawStatement(
	doc: PDFKit.PDFDocument,
	snapshot: CertificateSnapshot,
	attendance: boolean,
	center: { width: number; align: 'center' }
) {
	doc.moveDown(0.8).font('regular').fontSize(12).fillColor('#000000');
	doc.text(
		attendance
			? m.certificates_pdf_intro_attendance({}, de)
			: m.certificates_pdf_intro_certificate({}, de),
		center
	);
	doc.moveDown(0.4).font('bold').fontSize(22).text(snapshot.learnerName, center);
	doc.moveDown(0.4).font('regular').fontSize(12);
	doc.text(
		withoutWidow(
			attendance
				? m.certificates_pdf_lead_attendance({}, de)
				: m.certificates_pdf_lead_certificate({}, de)
		),
		center
	);
	doc.moveDown(0.3).font('bold').fontSize(15).text(snapshot.title, center);
	doc.moveDown(0.3).font('regular').fontSize(12);
	const period = periodText(snapshot.period);
	if (period) doc.text(period, center);
	doc.text(
		withoutWidow(
			attendance
				? m.certificates_pdf_outro_attendance({}, de)
				: m.certificates_pdf_outro_certificate({}, de)
		),
		center
	);
	doc.moveDown(0.8).fontSize(10).fillColor('#444444');
	doc.text(m.certificates_pdf_course({ title: snapshot.courseTitle }, de), center);
	if (snapshot.cohort)
		doc.text(m.certificates_pdf_cohort({ name: snapshot.cohort.name }, de), center);
}

/** A no-break space before the last word: a wrapped sentence never ends with one word alone. */
const withoutWidow = (text: string) => text.replace(/ (\S+)$/, '\u00a0$1');

function drawModules(
	doc: PDFKit.PDFDocument,
	{ tag, artifact }: Tagger,
	snapshot: CertificateSnapshot
) {
	doc.moveDown(1);
	tag('H2', () =>
		doc
			.font('bold')
			.fontSize(11)
			.fillColor('#000000')
			.text(m.certificates_pdf_contents({}, de), MARGIN, doc.y)
	);
	doc.moveDown(0.3).font('regular').fontSize(10);
	const hoursX = A4.width - MARGIN - 60;
	for (const module of snapshot.modules) {
		// One paragraph per module: its title and its hours are read together.
		tag('P', () => {
			const y = doc.y;
			doc.text(module.title, MARGIN, y, { width: hoursX - MARGIN - 10 });
			const after = doc.y;
			if (module.hours !== null) {
				doc.text(m.certificates_pdf_hours({ hours: module.hours }, de), hoursX, y, {
					width: 60,
					align: 'right'
				});
			}
			doc.y = Math.max(after, doc.y) + 2;
		});
	}
	artifact(() =>
		doc
			.moveTo(MARGIN, doc.y)
			.lineTo(A4.width - MARGIN, doc.y)
			.lineWidth(0.5)
			.stroke('#999999')
	);
	doc.moveDown(0.3);
	tag('P', () => {
		doc.font('bold');
		doc.text(m.certificates_pdf_total({ hours: snapshot.totalHours }, de), MARGIN, doc.y, {
			width: CONTENT_WIDTH
		});
		drawCurriculumLines(doc, snapshot, { x: MARGIN, width: CONTENT_WIDTH });
		doc.font('regular').fontSize(8).fillColor('#444444').text(m.certificates_pdf_unit_note({}, de));
	});
}

/**
 * A tagged PDF/UA A4 document with the embedded fonts and the signed data in its metadata, so a
 * copy can be checked offline; `draw` puts the content on the page. The PDF bytes.
 */
export function renderSignedDocument(
	meta: { title: string; subject: string; frame: DocumentFrame; snapshot: unknown },
	options: Pick<PdfOptions, 'verifyUrl' | 'signature'>,
	draw: (doc: PDFKit.PDFDocument, tagger: Tagger) => void
): Promise<Buffer> {
	const fonts = certificateFonts();
	const { frame } = meta;
	const doc = new PDFDocument({
		size: 'A4',
		margin: MARGIN,
		// No default font (pdfkit would load Helvetica): the registered fonts below instead. Giving
		// it the regular font here made every later font('regular') open a new embedded copy,
		// compare it with this one and drop it again (pdfkit 0.20 caches a font under its name
		// only when no font of the same PostScript name exists yet).
		font: null as unknown as string,
		lang: 'de-DE',
		displayTitle: true,
		// Tagged for screen readers, and declared PDF/UA (ISO 14289-1): fonts are embedded, the
		// language and title set, every piece of content tagged or marked as an artifact.
		tagged: true,
		// 'PDF/UA' is supported by pdfkit but missing from @types/pdfkit's list.
		subset: 'PDF/UA' as PDFKit.Mixins.PDFSubsets,
		pdfVersion: '1.7',
		info: {
			Title: meta.title,
			Author: frame.issuer.name,
			Subject: meta.subject,
			Keywords: `${frame.number} ${frame.code}`,
			CreationDate: new Date(`${frame.issuedOn}T12:00:00Z`),
			// Custom keys: with the instance's public key, a copy can be checked offline.
			CertificateNumber: frame.number,
			VerificationCode: frame.code,
			VerificationUrl: options.verifyUrl,
			SignatureAlgorithm: 'Ed25519',
			SignedSnapshot: canonicalJson(meta.snapshot),
			Signature: options.signature,
			PublicKeyFingerprint: publicKeyFingerprint()
		} as PDFKit.DocumentInfo
	});
	// pdfkit takes fontkit fonts at run time; @types/pdfkit lists only paths and buffers.
	doc.registerFont('regular', fonts.regular as unknown as Buffer);
	doc.registerFont('bold', fonts.bold as unknown as Buffer);
	doc.font('regular');
	layoutWordsWithoutCopies((doc as unknown as { _font: object })._font);
	const chunks: Buffer[] = [];
	const done = new Promise<Buffer>((resolve, reject) => {
		doc.on('data', (chunk: Buffer) => chunks.push(chunk));
		doc.on('end', () => resolve(Buffer.concat(chunks)));
		doc.on('error', reject);
	});
	const tagger = createTagger(doc);
	draw(doc, tagger);
	tagger.end();
	doc.end();
	return done;
}

/** Renders the certificate (one A4 page) from its snapshot; the PDF bytes. */
export function renderCertificatePdf(
	snapshot: CertificateSnapshot,
	options: PdfOptions
): Promise<Buffer> {
	const heading = certificateHeading(snapshot.kind);
	return renderSignedDocument(
		{
			title: `${heading}: ${snapshot.title}`,
			subject: m.certificates_pdf_subject(
				{ kind: heading, name: snapshot.learnerName, number: snapshot.number },
				de
			),
			frame: snapshot,
			snapshot
		},
		options,
		(doc, tagger) => {
			drawHeader(doc, tagger, snapshot, options.logo);
			drawBody(doc, tagger, snapshot);
			drawModules(doc, tagger, snapshot);
			const numberLine =
				snapshot.kind === 'zertifikat'
					? m.certificates_pdf_number({ number: snapshot.number }, de)
					: m.certificates_pdf_attendance_number({ number: snapshot.number }, de);
			drawFooter(doc, tagger, snapshot, { ...options, numberLine });
		}
	);
}
