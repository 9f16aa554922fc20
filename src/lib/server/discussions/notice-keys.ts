// How the dedupe keys of discussion notices begin: what a deleted post or thread takes back
// (retractUnreadNotices).

export const replyNoticeKey = (postId: string) => `discussion:${postId}:`;
export const mentionNoticeKey = (postId: string) => `mention:${postId}:`;
export const caseNoticeKey = (threadId: string) => `case:${threadId}:`;
