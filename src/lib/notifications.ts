/**
 * What happened in a mentoring pair, or to a Hospitation application (mentoring_update: both
 * share the "Mentoring und Hospitation" mail preference).
 */
export type MentoringEvent =
	| 'requested'
	| 'confirmed'
	| 'declined'
	| 'message'
	| 'meeting'
	| 'hospitation_applied'
	| 'hospitation_accepted'
	| 'hospitation_declined';

// The stored parameters of a notification (notifications.data), shared by the schema and the pages.

/** Parameters for the message, rendered in the reader's language at display time. */
export interface NotificationData {
	/** The item, or for a certificate the course. */
	itemId?: string;
	/** Fallback when the item has left the content. */
	itemTitle?: string;
	learnerName?: string;
	decision?: 'accepted' | 'revision_requested';
	dueOn?: string;
	/** Feedback: who reviewed, and the start of the comment (for the mail). */
	reviewerName?: string;
	excerpt?: string;
	/** Certificate: its number, kind label and verification code. */
	certificateNumber?: string;
	certificateKind?: string;
	verifyCode?: string;
	/** login_locked: refused attempts since the owner last read the notice, and the latest. */
	attempts?: number;
	lastAt?: string;
	/** retention_warning: when, after how many months, and the cohort (none: the account). */
	deleteOn?: string;
	months?: number;
	cohortName?: string | null;
	/** event_update: what happened (itemTitle: the event, dueOn: its first day). */
	eventNotice?: 'invited' | 'promoted' | 'cancelled' | 'removed';
	/** mentoring_update: what happened; learnerName is the other person (or the deciding staff). */
	mentoringEvent?: MentoringEvent;
	/** mentoring_update 'message': messages since the reader last opened the pair (1 if absent). */
	messages?: number;
	/** A Fallberatung (discussion_mention: a role given; discussion_reply: a new phase or its end). */
	caseNotice?: CaseNotice;
	casePhase?: number;
}

export type CaseNotice = 'case_giver' | 'moderation' | 'phase' | 'closed';
