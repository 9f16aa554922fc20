// Shapes of the Austausch shared by the server and the pages.
import type { UploadFileType } from '$lib/content/types';

/** Files a post may carry: the types Praxisaufgaben accept, checked by content the same way. */
export const ATTACHMENT_TYPES: readonly UploadFileType[] = [
	'pdf',
	'docx',
	'odt',
	'jpg',
	'png',
	'mp3',
	'm4a'
];
export const MAX_ATTACHMENTS = 3;
/** All files of one post together; fits the server's request limit (BODY_SIZE_LIMIT 12M). */
export const ATTACHMENTS_MAX_MB = 10;

/** For the file input's `accept` and its hint. */
export const attachmentAccept = ATTACHMENT_TYPES.map((type) => `.${type}`).join(',');
export const attachmentTypeList = ATTACHMENT_TYPES.map((type) => type.toUpperCase()).join(', ');

export const attachmentUrl = (id: string) => `/austausch/dateien/${id}`;

/** A file of a post as its readers see it. */
export interface AttachmentView {
	id: string;
	name: string;
	size: number;
	/** `PDF`, `DOCX` …: the checked extension. */
	type: string;
}

/** A post as one reader may see it. */
export interface PostView {
	id: string;
	authorName: string;
	byTrainer: boolean;
	own: boolean;
	createdAt: Date;
	/** Sanitised HTML; null when hidden from this reader. */
	html: string | null;
	hidden: boolean;
	/** Only for the author and the moderators. */
	hiddenReason: string | null;
	canReport: boolean;
	/** Set when the author changed the text. */
	editedAt: Date | null;
	/** Deleted by its author; a placeholder keeps the conversation's order. */
	deleted: boolean;
	/** Only the author edits (not in a locked thread) and deletes. */
	canEdit: boolean;
	canDelete: boolean;
	/** Empty when the reader may not read the post (hidden, deleted). */
	attachments: AttachmentView[];
}
