import type { SessionUser } from '../auth/session';
import { isInvited } from './audience';

/**
 * Who runs an event: admins every event, trainers the events they created. (A trainer's cohort
 * being invited does not make the event theirs: they are invited guests' trainers, not its
 * organisers; an admin can always step in.)
 */
export function canManageEvent(
	user: Pick<SessionUser, 'id' | 'role'>,
	event: { createdBy: string }
): boolean {
	return user.role === 'admin' || (user.role === 'trainer' && event.createdBy === user.id);
}

/**
 * Who sees an event's page: its organisers always; others only once it is published (or
 * cancelled) and only when invited or already signed up — everyone else gets a 404.
 */
export function eventRoleOf(
	user: Pick<SessionUser, 'id' | 'role'>,
	event: { id: string; createdBy: string; status: string },
	registered: boolean
): 'organiser' | 'guest' | null {
	if (canManageEvent(user, event)) return 'organiser';
	if (event.status === 'draft') return null;
	return registered || isInvited(event.id, user.id) ? 'guest' : null;
}
