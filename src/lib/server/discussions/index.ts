// The Austausch: one door for the routes.
export { discussionRoleOf, type DiscussionRole } from './access';
export {
	attachmentsOf,
	checkAttachments,
	deleteUploadsOf,
	readableAttachment,
	readPostForm,
	removeAttachmentFiles,
	storeAttachments,
	type StoredAttachment
} from './attachments';
export {
	deletePost,
	deletePostAndFiles,
	editPost,
	ownPostBody,
	type AuthorRefusal,
	type DeleteOutcome
} from './authoring';
export { reasonSchema, replySchema, threadSchema, moveSchema } from './form';
export { requireDiscussion, requireModerator, requireThread } from './guard';
export { discussionUrl, itemThreadsUrl, postUrl, threadUrl, POSTS_PER_PAGE } from './links';
export { hidePost, moveThread, setLocked, setPinned, showPost } from './moderation';
export {
	highlightMentions,
	mentionableKeys,
	mentionablePeople,
	type MentionablePerson
} from './mentions';
export { isUnread, markThreadSeen } from './reads';
export { countOpenReports, listOpenReports, reportPost, resolveReport } from './reports';
export {
	searchExcerpt,
	searchParam,
	searchThreads,
	SEARCH_MAX_LENGTH,
	type SearchRequest
} from './search';
export { discussableItem, itemChoices, sectionIn, sectionsOf, sectionTitle } from './sections';
export {
	addReply,
	countBySection,
	createThread,
	getPost,
	listPosts,
	listThreads,
	THREADS_PER_PAGE,
	type Thread,
	type ThreadFilter
} from './threads';
export {
	revokeSharedSubmission,
	shareableSubmission,
	sharedSubmissionView,
	shareRevocability,
	shareStateOf,
	shareSubmission,
	type RevokeRefusal,
	type ShareRefusal
} from './shared-submissions';
export { shareSchema } from './share-form';
export { authorLabel, postView } from './views';
export {
	alumniSpace,
	cohortSpace,
	spaceUrl,
	spaceView,
	trainerIdsOf,
	type DiscussionSpace,
	type SpaceRef
} from './space';
export {
	changePhase,
	createCaseConsultation,
	phasesOfPosts,
	replyInThread,
	setCaseRoles,
	type RoleErrors
} from './case-consultation';
export { casePeople } from './case-notify';
export { caseConsultationView, replyRefusalMessage, type CaseConsultationView } from './case-view';
export { caseSchema, caseRolesSchema, phaseStepSchema } from './case-form';
