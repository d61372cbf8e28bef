import { afterEach, describe, expect, it } from 'vitest';
import { MEMBER_MODE_KEY, isMemberLaptop, noCellHome, setMemberLaptop } from './memberMode';

afterEach(() => localStorage.removeItem(MEMBER_MODE_KEY));

describe("a member's laptop", () => {
  it('goes to setup without a cell until someone says it is a member’s', () => {
    expect(isMemberLaptop()).toBe(false);
    expect(noCellHome()).toBe('/setup');
    setMemberLaptop(true);
    expect(isMemberLaptop()).toBe(true);
    expect(noCellHome()).toBe('/member');
    setMemberLaptop(false);
    expect(noCellHome()).toBe('/setup');
  });
});
