// Throttling: count limits reserved atomically in SQLite (slots.ts), a reusable per-address
// limit for public endpoints (per-ip.ts) and the platform's limits (limits.ts).
export {
	clearSlots,
	countEvents,
	releaseSlots,
	reserveSlots,
	type Limit,
	type Reservation,
	type SlotRequest
} from './slots';
export { perIpThrottle, type PerIpThrottle } from './per-ip';
export { loginLimits, passwordResetThrottle, registrationThrottle, verifyThrottle } from './limits';
