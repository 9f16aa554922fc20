// Shapes of a Praxisaufgabe shared in the Austausch, for the server and the pages.

/** The shared block at the top of its thread, as one reader may see it. */
export interface SharedSubmissionView {
	authorName: string;
	taskTitle: string;
	sharedAt: Date;
	/** Sanitised HTML of the snapshot; null once the share was withdrawn. */
	html: string | null;
	/** An edited excerpt rather than the whole text. */
	excerpt: boolean;
	/** The author and the space's moderators may withdraw it, through this confirmation page. */
	revokeUrl: string | null;
}

/** What the learner's own submission page offers. */
export type ShareState =
	| { kind: 'unavailable' }
	| { kind: 'available'; shareUrl: string }
	| { kind: 'shared'; threadUrl: string; revokeUrl: string };
