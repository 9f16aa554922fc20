import { casePhaseInstruction, casePhaseTitle } from '$lib/case-consultation';

// The kollegiale Fallberatung (after Tietze) as pure rules: its phases, the roles, and who may
// write in which phase. The trainer of the cohort may always write; nobody writes once it ends.

export type CaseRole = 'case_giver' | 'moderation' | 'consultant';

/** Who writes in each phase, besides the trainer. */
const writers: readonly (readonly CaseRole[])[] = [
	['case_giver', 'moderation', 'consultant'], // 1 Rollen klären: everyone confirms their role
	['case_giver', 'moderation'], // 2 Fallschilderung
	['case_giver', 'moderation', 'consultant'], // 3 Verständnisfragen: ask and answer
	['case_giver', 'moderation'], // 4 Schlüsselfrage
	['moderation', 'consultant'], // 5 Beratung: the Fallgeber*in listens
	['case_giver', 'moderation'] // 6 Abschluss
];

export const PHASE_COUNT = writers.length;

export interface CasePhase {
	number: number;
	title: string;
	instruction: string;
}

export const casePhases = (): CasePhase[] =>
	writers.map((_, index) => ({
		number: index + 1,
		title: casePhaseTitle(index + 1),
		instruction: casePhaseInstruction(index + 1)
	}));

/** Who writes in the phase (role labels), for the notice above the reply form. */
export const writersOf = (phase: number): CaseRole[] => [...(writers[phase - 1] ?? [])];

export interface CaseRoles {
	caseGiverId: string;
	moderatorId: string;
}

/** A person's role in the consultation: everyone in the cohort besides the two is a Berater*in. */
export function caseRoleOf(roles: CaseRoles, userId: string): CaseRole {
	if (userId === roles.caseGiverId) return 'case_giver';
	if (userId === roles.moderatorId) return 'moderation';
	return 'consultant';
}

export type PostRefusal = 'closed' | 'not_your_phase';

/** Whether a person may write now; `trainer`: a moderator of the space (always may, until the end). */
export function mayPost(
	state: CaseRoles & { phase: number; closed: boolean },
	userId: string,
	trainer: boolean
): { ok: true } | { ok: false; reason: PostRefusal } {
	if (state.closed) return { ok: false, reason: 'closed' };
	if (trainer) return { ok: true };
	const allowed = writers[state.phase - 1] ?? [];
	return allowed.includes(caseRoleOf(state, userId))
		? { ok: true }
		: { ok: false, reason: 'not_your_phase' };
}

/** Who steers the phases: the Moderation and the cohort's trainers. */
export const maySteer = (roles: CaseRoles, userId: string, trainer: boolean) =>
	trainer || userId === roles.moderatorId;

export type PhaseStep = 'forward' | 'back';

/**
 * The phase after a step: forward from the last phase ends the consultation (`closed`), back
 * from the first is refused, and a closed consultation does not move.
 */
export function stepPhase(
	state: { phase: number; closed: boolean },
	step: PhaseStep
): { ok: true; phase: number; closed: boolean } | { ok: false } {
	if (state.closed) return { ok: false };
	if (step === 'back') {
		return state.phase > 1 ? { ok: true, phase: state.phase - 1, closed: false } : { ok: false };
	}
	return state.phase < PHASE_COUNT
		? { ok: true, phase: state.phase + 1, closed: false }
		: { ok: true, phase: state.phase, closed: true };
}
