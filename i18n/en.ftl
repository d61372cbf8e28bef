# Minutebook — English catalogue (second language).
# Every id here must also exist in vi.ftl (a vitest test checks this).

app-name = Minutebook
skip-to-content = Skip to main content

## Navigation and header
nav-label = Main navigation
nav-meetings = Meetings
nav-roster = Roster
nav-verify = Verify
nav-settings = Settings
header-no-cell = No cell set up yet
autosave-saving = Saving…
autosave-saved = Saved
autosave-failed = Not saved — retrying

## Not yet connected (phase 1: the use-case layer is not wired to the window yet)
not-connected-title = Minute book not connected yet
not-connected-body = This build has the application shell only. The cell, its meetings and its members will appear here once the core is connected. No sample data is shown as if it were real.

## Meetings
meetings-title = Meetings
meetings-start-setup = Set up the cell

## Roster
roster-title = Roster

## Verify
verify-title = Verify minutes
verify-intro = Open a PDF or minutes bundle someone sent you to check each signature.

## Settings
settings-title = Settings
settings-language = Language
settings-language-vi = Tiếng Việt
settings-language-en = English
settings-data-folder = Data folder
settings-data-folder-hint = The minute book and its backups are kept in this folder on this computer.
settings-version = Version
settings-loading = Loading…
settings-info-error = Could not read application information: { $message }

## First run: create the cell
setup-title = Set up the cell
setup-intro = Enter the cell's details as they will print at the top of the minutes.
setup-cell-name = Cell name
setup-cell-name-hint = For example: Chi bộ Tổ dân phố số 7
setup-committee-above = Party committee above
setup-committee-above-hint = For example: Đảng bộ phường Thanh Bình
setup-date-place = Place for the date line
setup-date-place-hint = Used in the line “…, ngày … tháng … năm …”, for example: Hà Nội
setup-submit = Create the cell
setup-error-required = This field is required.
setup-error-too-long = At most { $max } characters.
setup-error-control = Contains characters that are not allowed (control characters).
setup-not-saved = The details are valid. Creating the cell is not connected in this build yet, so nothing was saved.

## Errors crossing from the app core ({ code, message })
error-generic = Something went wrong: { $message }

## Shared with the Rust side (CLI, exports, errors)
member-official = official
member-probationary = probationary
member-exempted = exempted
status-draft = Draft
status-in-session = In session
status-closed = Closed
status-signing = Signing
status-signed = Signed
role-chair = Chair
role-minute-taker = Minute-taker
role-member = Member
reading-full-exclusions = Full exclusions of point 9.3.2 (default)
reading-qd294-as-quoted = QĐ 294 as quoted (excused absentees still counted)
reading-all-official = Every official member counted
threshold-more-than-half = more than half
threshold-at-least-two-thirds = at least two thirds
vote-passed = passed
vote-failed = failed
integrity-intact = Intact
integrity-altered = Changed outside Minutebook — no longer matches the signed minutes
cli-demo-db = Sample minute book: { $path }
cli-roster-imported = Imported { $added } members; the roster has { $total }.
cli-meeting-imported = Meeting imported. Meeting id:
cli-meeting-reopened = Meeting reopened for changes; closing it again makes a new version, and the old signatures cover only the old one.
cli-backup-done = Backed up to { $path }
cli-default-reading = Default counting reading
cli-required-roles = Required signatures
report-roster = Members: { $total } (official { $official }, probationary { $probationary }); exempted: { $exempted }.
report-attendance = Present: { $present } of { $must } who had to attend (official { $official }, probationary { $probationary }), { $rate }. Absent with reason: { $excused }; without: { $unexcused }.
report-reading-overridden = (What-if under another counting reading — not saved.)
report-vote = { $n }. { $subject }: yes { $yes }, no { $no }, other { $abstain }; against { $eligible } members counted: { $percent } — needs { $threshold } — { $outcome }.
report-reading = Counting reading
key-revoked-from = revoked from
record-info = Minutes version { $version }, number { $sequence } in the book.
record-missing-roles = Signatures still missing
signed-as = Signed: { $name } — { $role } ({ $file })
verify-signature-valid = signature valid
verify-signature-invalid = signature NOT valid
pin-pinned = key matches the roster
pin-bare-key = key trusted directly
pin-other-member = key belongs to someone else
pin-revoked = key revoked
pin-not-pinned = key not in any trusted roster
verify-role-signed = signed
verify-role-missing = not signed
verify-unpinned-fingerprint = Fingerprint to compare with the cell's roster
verify-rendering-ok = the pages match the signed record
verify-rendering-bad = the pages do NOT match the signed record
verify-outcome-valid = RESULT: valid — every signature holds and every key is pinned.
verify-outcome-unpinned = RESULT: signatures hold but some keys are pinned by nothing — compare the fingerprints with the cell's roster.
verify-outcome-invalid = RESULT: NOT valid.
check-audit = Audit log
check-ok = The minute book is intact.
check-failed = The minute book has problems (see above).
error-not-found = Not found
error-invalid-input = Invalid input; nothing was changed
error-usage = Wrong usage
error-locked = The meeting is closed or signed and cannot be edited in place
error-wrong-passphrase = Wrong key passphrase
error-key-problem = Problem with the key file
error-not-allowed = Not allowed
error-tampered = Does not match what was signed
error-disk-full = The disk is full; nothing was saved
error-too-new = This minute book was made by a newer Minutebook
error-busy = Another program is using the minute book
error-export = Export failed
error-io = File error
error-storage = Database error
