import { isAlumnusAnywhere } from '../alumni/membership';

/**
 * Alumni may offer mentoring: members of at least one course's alumni network (a valid
 * certificate, and not left that network). This one function is the only place mentoring asks.
 */
export const isAlumnus = (userId: string): boolean => isAlumnusAnywhere(userId);
