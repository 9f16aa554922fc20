import { recordAudit } from '../audit';
import { fieldChanges } from '../audit/changes';
import { m } from '$lib/paraglide/messages.js';
import { eq } from 'drizzle-orm';
import { fileTypeFromBuffer } from 'file-type';
import { z } from 'zod';
import { getDb } from '../db';
import { settings } from '../db/schema';
import { getOperatorSettings } from '../operator/settings';
import { textField } from '../validation/text-field';

/** Who issues the certificates, as printed on them (editable by admins). */
export interface IssuerSettings {
	name: string;
	address: string;
	place: string;
	signatoryName: string;
	signatoryRole: string;
}

export type IssuerImageKind = 'logo' | 'signature';

export interface IssuerImage {
	mimeType: 'image/png' | 'image/jpeg';
	data: Buffer;
}

const ISSUER_KEY = 'certificate_issuer';
const imageKey = (kind: IssuerImageKind) => `certificate_${kind}`;

export const IMAGE_MAX_BYTES = 1024 * 1024;

/**
 * Until an admin fills in the settings: no issuer name (never the product's), so nothing is
 * issued until the operator or the issuer is entered (see isIssuerReady).
 */
export const defaultIssuer: IssuerSettings = {
	name: '',
	address: '',
	place: 'Berlin',
	signatoryName: '',
	signatoryRole: ''
};

/** Built per request so that the messages use the request's locale. */
export const issuerSchema = () =>
	z.object({
		name: textField(200, true),
		address: textField(500, false),
		place: textField(100, true),
		signatoryName: textField(100, false),
		signatoryRole: textField(100, false)
	});

/** Stored values were checked when saved: reading needs no messages in the request's locale. */
let storedIssuerSchema: ReturnType<typeof issuerSchema> | undefined;

export function getIssuerSettings(): IssuerSettings {
	const row = getDb()
		.select({ value: settings.value })
		.from(settings)
		.where(eq(settings.key, ISSUER_KEY))
		.get();
	const parsed = row ? (storedIssuerSchema ??= issuerSchema()).safeParse(row.value) : null;
	if (parsed?.success) return parsed.data;
	// The operator entered for the Datenschutz page is the natural issuer until one is set.
	const operator = getOperatorSettings();
	return operator
		? { ...defaultIssuer, name: operator.name, address: operator.address }
		: defaultIssuer;
}

/** Certificates name who issues them: nothing is issued while nobody is entered. */
export function isIssuerReady(): boolean {
	return getIssuerSettings().name !== '';
}

export function isIssuerConfigured(): boolean {
	return !!getDb()
		.select({ key: settings.key })
		.from(settings)
		.where(eq(settings.key, ISSUER_KEY))
		.get();
}

function putSetting(key: string, value: unknown): void {
	const updatedAt = new Date();
	getDb()
		.insert(settings)
		.values({ key, value, updatedAt })
		.onConflictDoUpdate({ target: settings.key, set: { value, updatedAt } })
		.run();
}

export function saveIssuerSettings(value: IssuerSettings): void {
	putSetting(ISSUER_KEY, value);
}

/**
 * The admin's save of the settings page: texts, and per image a new one, a removal (null) or
 * nothing (absent), in one transaction with its audit entry.
 */
export function saveIssuerChanges(
	actorId: string,
	value: IssuerSettings,
	images: Partial<Record<IssuerImageKind, IssuerImage | null>>
): void {
	getDb().transaction((tx) => {
		const before = getIssuerSettings();
		saveIssuerSettings(value);
		for (const [kind, image] of Object.entries(images) as [IssuerImageKind, IssuerImage | null][]) {
			if (image) saveIssuerImage(kind, image);
			else removeIssuerImage(kind);
		}
		recordAudit(
			{
				actorId,
				action: 'settings.changed',
				objectType: 'settings',
				objectId: 'certificate_issuer',
				details: fieldChanges(before, value, Object.keys(images))
			},
			tx
		);
	});
}

export function getIssuerImage(kind: IssuerImageKind): IssuerImage | null {
	const row = getDb()
		.select({ value: settings.value })
		.from(settings)
		.where(eq(settings.key, imageKey(kind)))
		.get();
	const value = row?.value as { mimeType?: string; data?: string } | undefined;
	if (!value?.data || (value.mimeType !== 'image/png' && value.mimeType !== 'image/jpeg')) {
		return null;
	}
	return { mimeType: value.mimeType, data: Buffer.from(value.data, 'base64') };
}

export function saveIssuerImage(kind: IssuerImageKind, image: IssuerImage): void {
	putSetting(imageKey(kind), { mimeType: image.mimeType, data: image.data.toString('base64') });
}

export function removeIssuerImage(kind: IssuerImageKind): void {
	getDb()
		.delete(settings)
		.where(eq(settings.key, imageKey(kind)))
		.run();
}

export type ImageCheck = { ok: true; image: IssuerImage } | { ok: false; message: string };

/**
 * Judges an upload by its bytes, not by its name or the browser's claim: PNG or JPEG only,
 * at most 1 MB, and readable by the PDF library (so a certificate never fails to render).
 */
export async function checkIssuerImage(data: Buffer): Promise<ImageCheck> {
	if (data.length > IMAGE_MAX_BYTES) {
		return { ok: false, message: m.certificates_error_image_too_large() };
	}
	const type = await fileTypeFromBuffer(data);
	if (type?.mime !== 'image/png' && type?.mime !== 'image/jpeg') {
		return { ok: false, message: m.certificates_error_image_type() };
	}
	// Loaded here, not at start: the server imports this module at start, and pdfkit with fontkit
	// is some 20 MB that a server without certificate work never needs.
	const { default: PDFDocument } = await import('pdfkit');
	try {
		// openImage exists at run time but is missing from @types/pdfkit.
		const doc = new PDFDocument({ autoFirstPage: false }) as unknown as {
			openImage(src: Buffer): unknown;
		};
		doc.openImage(data);
	} catch {
		return { ok: false, message: m.certificates_error_image_unreadable() };
	}
	return { ok: true, image: { mimeType: type.mime, data } };
}
