/**
 * The roster screen's member form: a flat, string-only shape the inputs bind to, and the
 * conversions to and from the member document (`MemberDoc`) the shell stores. The authoritative
 * checks (dates, card numbers already on the roster, transfer order) are in `minutebook-api`
 * (`Book::save_member`); here only what lets the form say early what is missing.
 */
import type { MemberDoc } from '$lib/ipc/generated/MemberDoc';
import type { TransferDoc } from '$lib/ipc/generated/TransferDoc';

/** The posts a cell's roster names by code; anything else is kept as written. */
export const KNOWN_POSTS = ['cell-secretary', 'deputy-cell-secretary', 'committee-member'] as const;

/** One transfer as the form holds it; all blank means "no transfer". */
export interface TransferForm {
  date: string;
  kind: 'official' | 'temporary';
  otherBody: string;
}

/** The form's fields. Dates are `YYYY-MM-DD` or blank (what `DateInput` gives). */
export interface MemberForm {
  id: string;
  fullName: string;
  birthDate: string;
  gender: '' | 'male' | 'female';
  category: 'official' | 'probationary';
  partyCardNumber: string;
  admittedOn: string;
  officialOn: string;
  posts: string[];
  otherPosts: string;
  exempted: boolean;
  exemptedSince: string;
  suspended: boolean;
  transferIn: TransferForm;
  transferOut: TransferForm;
}

const blankTransfer = (): TransferForm => ({ date: '', kind: 'official', otherBody: '' });

/** An empty form for a new member. */
export function emptyMemberForm(): MemberForm {
  return {
    id: '',
    fullName: '',
    birthDate: '',
    gender: '',
    category: 'official',
    partyCardNumber: '',
    admittedOn: '',
    officialOn: '',
    posts: [],
    otherPosts: '',
    exempted: false,
    exemptedSince: '',
    suspended: false,
    transferIn: blankTransfer(),
    transferOut: blankTransfer(),
  };
}

const transferForm = (t: TransferDoc | null): TransferForm =>
  t ? { date: t.date, kind: t.kind === 'temporary' ? 'temporary' : 'official', otherBody: t.other_body } : blankTransfer();

/** The form for an existing member. */
export function formFromDoc(d: MemberDoc): MemberForm {
  const known = (p: string) => (KNOWN_POSTS as readonly string[]).includes(p);
  return {
    id: d.id,
    fullName: d.full_name,
    birthDate: d.birth_date ?? '',
    gender: d.gender === 'male' || d.gender === 'female' ? d.gender : '',
    category: d.category === 'probationary' ? 'probationary' : 'official',
    partyCardNumber: d.party_card_number ?? '',
    admittedOn: d.admitted_on ?? '',
    officialOn: d.official_on ?? '',
    posts: d.posts.filter(known),
    otherPosts: d.posts.filter((p) => !known(p)).join(', '),
    exempted: d.exempted,
    exemptedSince: d.exempted_since ?? '',
    suspended: d.suspended,
    transferIn: transferForm(d.transfer_in),
    transferOut: transferForm(d.transfer_out),
  };
}

const text = (s: string): string => s.normalize('NFC').trim();
const opt = (s: string): string | null => (text(s) === '' ? null : text(s));

function transferDoc(t: TransferForm): TransferDoc | null {
  if (text(t.date) === '' && text(t.otherBody) === '') return null;
  return { date: text(t.date), kind: t.kind, other_body: text(t.otherBody) };
}

/** The member document the form describes (text NFC and trimmed, blanks as `null`). */
export function docFromForm(f: MemberForm): MemberDoc {
  const other = f.otherPosts
    .split(',')
    .map(text)
    .filter((p) => p !== '');
  return {
    id: f.id,
    full_name: text(f.fullName),
    birth_date: opt(f.birthDate),
    gender: f.gender === '' ? null : f.gender,
    category: f.category,
    exempted: f.exempted,
    exempted_since: f.exempted ? opt(f.exemptedSince) : null,
    party_card_number: opt(f.partyCardNumber),
    admitted_on: opt(f.admittedOn),
    official_on: opt(f.officialOn),
    transfer_in: transferDoc(f.transferIn),
    transfer_out: transferDoc(f.transferOut),
    suspended: f.suspended,
    posts: [...KNOWN_POSTS.filter((p) => f.posts.includes(p)), ...other],
  };
}

/** Which fields must be filled before saving; each maps to a catalogue message. */
export type MemberFormProblem = 'name-required' | 'transfer-in-incomplete' | 'transfer-out-incomplete';

/** What is missing, in the order the fields appear; empty when the form can be saved. */
export function problems(f: MemberForm): MemberFormProblem[] {
  const out: MemberFormProblem[] = [];
  if (text(f.fullName) === '') out.push('name-required');
  const incomplete = (t: TransferForm) => (text(t.date) === '') !== (text(t.otherBody) === '');
  if (incomplete(f.transferIn)) out.push('transfer-in-incomplete');
  if (incomplete(f.transferOut)) out.push('transfer-out-incomplete');
  return out;
}

/**
 * Where the member stands on `today` (`YYYY-MM-DD`), for the roster's tags: transferred out
 * (permanently, on or before today), away temporarily, or not arrived yet.
 */
export function standing(d: MemberDoc, today: string): 'left' | 'away' | 'not-yet' | 'here' {
  if (d.transfer_in && d.transfer_in.date > today) return 'not-yet';
  if (d.transfer_out && d.transfer_out.date <= today) return d.transfer_out.kind === 'temporary' ? 'away' : 'left';
  return 'here';
}
