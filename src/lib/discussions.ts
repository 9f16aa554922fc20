// Shapes of the Austausch shared by the server and the pages.

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
}
