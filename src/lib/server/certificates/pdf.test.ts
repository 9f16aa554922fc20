import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { getCourse } from '../content';
import { issueCertificate } from './issue';
import { renderCertificatePdf } from './pdf';
import type { CertificateRecord } from './queries';
import { saveIssuerSettings } from './settings';
import { publicKeyPem, verifySnapshot } from './signing';
import { COURSE_ID, enrol, makeCohort, makeUser, useCertificateDb } from '$test/unit/certificates';

useCertificateDb();

const ORIGIN = 'https://lernen.example.org';
const dir = mkdtempSync(join(tmpdir(), 'lernplattform-pdf-'));
let certificate: CertificateRecord;
let pdfPath: string;
let pdf: Buffer;

beforeAll(async () => {
	saveIssuerSettings({
		name: 'Integrationslots*innen Berlin e. V.',
		address: 'Musterstraße 1, 10115 Berlin',
		place: 'Berlin',
		signatoryName: 'Dr. Ağca Ionescu-Țurcanu',
		signatoryRole: 'Projektleitung'
	});
	const admin = await makeUser('Jonas Admin', 'admin');
	const learner = await makeUser('Şebnem Łukasz-Жукова');
	enrol(learner.id, COURSE_ID, makeCohort(admin.id));
	certificate = issueCertificate(learner.id, COURSE_ID).certificate;
	const started = performance.now();
	pdf = await renderCertificatePdf(certificate.snapshot, {
		verifyUrl: `${ORIGIN}/verify/${certificate.code}`,
		signature: certificate.signature
	});
	const second = performance.now();
	await renderCertificatePdf(certificate.snapshot, { verifyUrl: ORIGIN, signature: 'x' });
	const ms = (from: number, to: number) => `${(to - from).toFixed(0)} ms`;
	console.log(
		`certificate PDF: first ${ms(started, second)}, next ${ms(second, performance.now())}`
	);
	pdfPath = join(dir, 'zertifikat.pdf');
	writeFileSync(pdfPath, pdf);
});

const pdfText = () => execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });

describe('certificate PDF', () => {
	it('is a one-page PDF', () => {
		expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
		const info = execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' });
		expect(info).toMatch(/Pages:\s+1/);
		expect(info).toMatch(/Page size:\s+595\.28 x 841\.89/);
	});

	it('prints name with diacritics, course, UE, number and verification URL', () => {
		const text = pdfText();
		expect(text).toContain('Teilnahmebestätigung');
		expect(text).toContain('Şebnem Łukasz-Жукова');
		expect(text).toContain('Verwaltungskenntnisse für Integrationslots*innen');
		const hours = getCourse(COURSE_ID)!.certificate!.hours;
		expect(text).toContain(`Gesamtumfang: ${hours} Unterrichtseinheiten (UE)`);
		expect(text).toMatch(/Modul 1: Aufbau der Berliner Verwaltung\s+8 UE/);
		expect(text).toContain('im Zeitraum vom 2. März 2026 bis 12. Mai 2026');
		// A Teilnahmebestätigung: its number is not called a Zertifikatsnummer.
		expect(text).toContain(`Nummer der Teilnahmebestätigung: ${certificate.number}`);
		expect(text).not.toContain('Zertifikat');
		expect(text).toContain(`Prüfcode: ${certificate.code}`);
		expect(text).toContain(`${ORIGIN}/verify/${certificate.code}`);
		expect(text).toContain('Dr. Ağca Ionescu-Țurcanu');
		expect(text).toContain('Integrationslots*innen Berlin e. V.');
	});

	it('is the same file on every download, also after other documents used the fonts', async () => {
		const options = {
			verifyUrl: `${ORIGIN}/verify/${certificate.code}`,
			signature: certificate.signature
		};
		// Other glyphs through the shared fonts in between: nothing of that document may leak.
		await renderCertificatePdf(
			{ ...certificate.snapshot, learnerName: 'Αλέξης Ωμέγα-Quist', kind: 'zertifikat' },
			{ verifyUrl: `${ORIGIN}/verify/anders`, signature: 'x' }
		);
		const again = await renderCertificatePdf(certificate.snapshot, options);
		const againPath = join(dir, 'again.pdf');
		writeFileSync(againPath, again);
		const text = (path: string) =>
			execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
		expect(text(againPath)).toBe(text(pdfPath));
		expect(again.equals(pdf)).toBe(true);
	});

	it('uses the wording of a Zertifikat for that kind', async () => {
		const path = join(dir, 'kind.pdf');
		writeFileSync(
			path,
			await renderCertificatePdf(
				{ ...certificate.snapshot, kind: 'zertifikat' },
				{ verifyUrl: `${ORIGIN}/verify/x`, signature: 'x' }
			)
		);
		const text = execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' });
		expect(text).toContain('Zertifikat');
		expect(text.replace(/\s+/g, ' ')).toContain('erfolgreich abgeschlossen hat');
		expect(text).not.toContain('Teilnahmebestätigung');
		// A sentence's last word never stands alone on a line.
		expect(text).not.toMatch(/^\s*hat\.\s*$/m);
	});

	it('is tagged for screen readers: language, structure, alternative texts, PDF/UA', () => {
		const info = execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' });
		expect(info).toMatch(/^Tagged:\s+yes$/m);
		expect(info).toMatch(/^PDF version:\s+1\.7$/m);
		const raw = pdf.toString('latin1');
		expect(raw).toContain('/Lang (de-DE)');
		expect(raw).toContain('/StructTreeRoot');
		for (const type of ['/Document', '/H1', '/H2', '/P', '/Figure']) {
			expect(raw).toContain(`/S ${type}`);
		}
		const structure = execFileSync('pdfinfo', ['-struct-text', pdfPath], { encoding: 'utf8' });
		expect(structure).toMatch(/^\s+Figure$/m);
		// The QR code's alternative text (a UTF-16 string, as it has umlauts).
		expect(raw).toMatch(/\/S \/Figure\n\/Alt /);
		expect(structure).toMatch(/H1[^\n]*\n[^\n]*Teilnahmebestätigung/);
		expect(raw).toContain('pdfuaid:part');
	});

	it('embeds the fonts', () => {
		const fonts = execFileSync('pdffonts', [pdfPath], { encoding: 'utf8' });
		expect(fonts).toMatch(/DejaVuSans\s.*yes/);
		expect(fonts).toMatch(/DejaVuSans-Bold\s.*yes/);
	});

	it('carries title, author, subject and the signed snapshot in its metadata', () => {
		const info = execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' });
		expect(info).toMatch(/Title:\s+Teilnahmebestätigung: Verwaltungskenntnisse/);
		expect(info).toMatch(/Author:\s+Integrationslots\*innen Berlin e\. V\./);
		expect(info).toMatch(
			/Subject:\s+Teilnahmebestätigung für Şebnem Łukasz-Жукова, Nr\. \d{4}-\d{6}/
		);
		const custom = execFileSync('pdfinfo', ['-custom', pdfPath], { encoding: 'utf8' });
		const field = (name: string) =>
			custom.match(new RegExp(`^${name}:\\s*(.*)$`, 'm'))?.[1]?.trim() ?? '';
		expect(field('SignatureAlgorithm')).toBe('Ed25519');
		expect(field('VerificationCode')).toBe(certificate.code);
		// The offline check: the snapshot and signature from the file verify with the public key.
		const snapshot = JSON.parse(field('SignedSnapshot'));
		expect(snapshot).toEqual(certificate.snapshot);
		expect(verifySnapshot(snapshot, field('Signature'), publicKeyPem())).toBe(true);
		expect(verifySnapshot({ ...snapshot, totalHours: 99 }, field('Signature'))).toBe(false);
	});

	it('has a QR code that decodes to the verification URL', () => {
		const prefix = join(dir, 'page');
		execFileSync('pdftoppm', ['-png', '-r', '110', '-singlefile', pdfPath, prefix]);
		const png = PNG.sync.read(readFileSync(`${prefix}.png`));
		const result = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
		expect(result?.data).toBe(`${ORIGIN}/verify/${certificate.code}`);
	});

	it('prints the issuer’s logo and signature images when set', async () => {
		const image = new PNG({ width: 40, height: 16 });
		image.data.fill(200);
		const png = { mimeType: 'image/png' as const, data: PNG.sync.write(image) };
		const path = join(dir, 'images.pdf');
		writeFileSync(
			path,
			await renderCertificatePdf(certificate.snapshot, {
				verifyUrl: `${ORIGIN}/verify/${certificate.code}`,
				signature: certificate.signature,
				logo: png,
				signatureImage: png
			})
		);
		const list = execFileSync('pdfimages', ['-list', path], { encoding: 'utf8' });
		const images = list
			.trim()
			.split('\n')
			.slice(2)
			.filter((row) => row.split(/\s+/)[3] === 'image');
		expect(images).toHaveLength(2);
		expect(execFileSync('pdfinfo', [path], { encoding: 'utf8' })).toMatch(/Pages:\s+1/);
	});
});
