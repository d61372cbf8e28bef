/**
 * A member's laptop has no cell to set up: it only joins meetings. Once someone chose "I am a
 * member joining a meeting" on the first-run screen, the app opens on the member's room page
 * instead of asking again for a cell (until a cell is set up, or the choice is undone there).
 */

/** localStorage key of the choice. */
export const MEMBER_MODE_KEY = 'minutebook.member-laptop';

/** Whether this laptop was said to be a member's. */
export function isMemberLaptop(): boolean {
  try {
    return globalThis.localStorage?.getItem(MEMBER_MODE_KEY) === '1';
  } catch {
    return false;
  }
}

/** Remembers (or forgets) that this laptop is a member's. */
export function setMemberLaptop(on: boolean): void {
  try {
    if (on) globalThis.localStorage?.setItem(MEMBER_MODE_KEY, '1');
    else globalThis.localStorage?.removeItem(MEMBER_MODE_KEY);
  } catch {
    // Storage can be unavailable: the choice then holds for this visit only.
  }
}

/** Where the app goes when it has no cell: the member's page on a member's laptop. */
export function noCellHome(): '/member' | '/setup' {
  return isMemberLaptop() ? '/member' : '/setup';
}
