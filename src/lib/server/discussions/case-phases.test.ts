import { describe, expect, it } from 'vitest';
import { caseRoleOf, mayPost, maySteer, PHASE_COUNT, stepPhase } from './case-phases';

const roles = { caseGiverId: 'fallgeberin', moderatorId: 'moderation' };
const at = (phase: number, closed = false) => ({ ...roles, phase, closed });
const writersIn = (phase: number) =>
	['fallgeberin', 'moderation', 'beraterin'].filter((id) => mayPost(at(phase), id, false).ok);

describe('the roles of a kollegiale Fallberatung', () => {
	it('makes everyone besides the Fallgeber*in and the Moderation a Berater*in', () => {
		expect(caseRoleOf(roles, 'fallgeberin')).toBe('case_giver');
		expect(caseRoleOf(roles, 'moderation')).toBe('moderation');
		expect(caseRoleOf(roles, 'jemand-anderes')).toBe('consultant');
	});
});

describe('who may write in which phase', () => {
	it('follows the method: only the Fallgeber*in tells the case, only the Berater*innen advise', () => {
		expect(writersIn(1)).toEqual(['fallgeberin', 'moderation', 'beraterin']);
		expect(writersIn(2)).toEqual(['fallgeberin', 'moderation']);
		expect(writersIn(3)).toEqual(['fallgeberin', 'moderation', 'beraterin']);
		expect(writersIn(4)).toEqual(['fallgeberin', 'moderation']);
		expect(writersIn(5)).toEqual(['moderation', 'beraterin']);
		expect(writersIn(6)).toEqual(['fallgeberin', 'moderation']);
	});

	it('lets the trainer write in every phase, and nobody once the consultation has ended', () => {
		for (let phase = 1; phase <= PHASE_COUNT; phase++)
			expect(mayPost(at(phase), 'trainerin', true).ok).toBe(true);
		expect(mayPost(at(6, true), 'trainerin', true)).toEqual({ ok: false, reason: 'closed' });
		expect(mayPost(at(2), 'beraterin', false)).toEqual({ ok: false, reason: 'not_your_phase' });
	});

	it('lets only the Moderation and the trainer change the phase', () => {
		expect(maySteer(roles, 'moderation', false)).toBe(true);
		expect(maySteer(roles, 'trainerin', true)).toBe(true);
		expect(maySteer(roles, 'fallgeberin', false)).toBe(false);
		expect(maySteer(roles, 'beraterin', false)).toBe(false);
	});
});

describe('phase transitions', () => {
	it('goes forward and back one phase at a time, never before the first', () => {
		expect(stepPhase({ phase: 1, closed: false }, 'forward')).toEqual({
			ok: true,
			phase: 2,
			closed: false
		});
		expect(stepPhase({ phase: 3, closed: false }, 'back')).toEqual({
			ok: true,
			phase: 2,
			closed: false
		});
		expect(stepPhase({ phase: 1, closed: false }, 'back')).toEqual({ ok: false });
	});

	it('ends the consultation after the last phase and then stays put', () => {
		expect(stepPhase({ phase: PHASE_COUNT, closed: false }, 'forward')).toEqual({
			ok: true,
			phase: PHASE_COUNT,
			closed: true
		});
		expect(stepPhase({ phase: PHASE_COUNT, closed: true }, 'back')).toEqual({ ok: false });
		expect(stepPhase({ phase: PHASE_COUNT, closed: true }, 'forward')).toEqual({ ok: false });
	});
});
