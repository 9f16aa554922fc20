// Paths inside the content folder that the studio may write: only below `courses/<course>/`,
// never hidden files (`.git`) and never outside the folder.

const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

export function isWritablePath(path: string, courseDir: string): boolean {
	if (!path.startsWith(`courses/${courseDir}/`)) return false;
	return path.split('/').every((segment) => SEGMENT.test(segment) && !segment.includes('..'));
}

export const courseRoot = (courseDir: string) => `courses/${courseDir}/`;
