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
reading-qd24-exclusions = Point 9.3.2 as written (default; a member who attended and left early still counts)
reading-full-exclusions = Full exclusions (also members who left before the vote; the old default)
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
cli-search-none = Nothing found for “{ $query }”.
cli-backup-done = Backed up to { $path }
cli-default-reading = Default counting reading
cli-required-roles = Required signatures
report-roster = Members: { $total } (official { $official }, probationary { $probationary }); exempted: { $exempted }.
report-attendance = Present: { $present } of { $must } who had to attend (official { $official }, probationary { $probationary }), { $rate }. Absent with reason: { $excused }; without: { $unexcused }.
report-attendance-apart = Also present, outside the rate: exempted { $exempted }; temporarily attached { $attached }.
report-signed-figures = The figures below are those of the signed minutes, not the altered data.
status-altered = Altered after signing
export-altered = The export carries the signed minutes; this meeting's data in the book was changed after signing (see: minutebook check).
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

## Desktop phase 2: meetings, workspace, roster, signing, export, verify
cancel = Cancel
meetings-new = New meeting
meetings-create = Create meeting
meetings-kind = Kind of meeting
meetings-subject-hint = Leave empty for the usual title of this kind
meetings-search = Search titles, dates or the minutes
meetings-empty = No meetings yet. Press “New meeting” to start.
meetings-month = { $month ->
    [1] January
    [2] February
    [3] March
    [4] April
    [5] May
    [6] June
    [7] July
    [8] August
    [9] September
    [10] October
    [11] November
    *[12] December
  } { $year }
kind-regular = Regular meeting
kind-thematic = Thematic meeting
kind-extraordinary = Extraordinary meeting
kind-admission = Admission of a member
kind-recognition = Recognition as official member
kind-annual-review = Annual review
setup-open-book = Or open an existing minute book…
setup-roster-title = Import the roster
setup-roster-intro = Choose the cell's roster as a CSV or Excel (XLSX) file.
setup-done = Done — go to the meetings
roster-import = Import roster from a file…
roster-name = Full name
roster-category = Category
roster-posts = Posts
roster-key = Signing key
post-cell-secretary = Cell secretary
post-deputy-cell-secretary = Deputy cell secretary
post-committee-member = Committee member
key-create = Create signing key
key-passphrase = Key passphrase
key-passphrase-again = Passphrase again
key-mismatch = The two passphrases differ.
key-too-short = The passphrase needs at least 8 characters.
key-hint = At least 8 characters. The passphrase is stored nowhere; if it is forgotten, create a new key.
key-created = Key created for { $name }. Fingerprint: { $fingerprint }
ws-title = Meeting
ws-header = General
ws-subject = Title
ws-place = Place
ws-date = Date
ws-planned-start = Planned start (hh:mm)
ws-planned-end = Planned end (hh:mm)
ws-planned-minutes = Planned length (minutes)
ws-resolution = Resolution
ws-resolution-hint = The cell's resolution is its own document with its own number: the opening (time, members present) and the vote line come from the minutes; the three sections below are the cell's text. It is part of the signed record, so the chair's and minute-taker's signatures cover it.
ws-resolution-number = Resolution number
ws-resolution-review = I. Results of the previous resolution
ws-resolution-directions = II. Directions and tasks
ws-resolution-assignments = III. Assignments
ws-resolution-write = + Draft the resolution from the conclusions and tasks
ws-resolution-fill = Fill the empty sections from the conclusions and tasks
ws-actual-start = Started (hh:mm)
ws-actual-end = Ended (hh:mm)
ws-guests = Guests
ws-guest-name = Guest's name
ws-guest-post = Post
ws-add-guest = Add guest
ws-agenda = Agenda
ws-agenda-hint = Drag to reorder, or Alt+↑ / Alt+↓ in an item.
ws-agenda-item = Item { $n }
ws-move-up = Move up
ws-move-down = Move down
ws-attendance = Attendance
ws-attendance-line = Present { $present }/{ $must } — { $rate }
ws-reason = Reason for absence
ws-late = Arrived late at
ws-left = Left early at
presence-present = Present
presence-absent-excused = Absent, excused
presence-absent-unexcused = Absent, no reason
presence-exempted = Exempted
presence-not-required = Not summoned
ws-minutes = Minutes per item
ws-carried-forward = Open tasks from the previous meeting:
ws-presenter = Presenter
ws-presentation = What was presented
ws-speaker = Speaker
ws-gist = Gist of the opinion
ws-add-speech = Add opinion
ws-conclusion = Chair's conclusion
ws-votes = Votes
ws-vote-subject = Subject of the vote
ws-vote-kind = Kind
ws-vote-method = Method
ws-vote-at = At (hh:mm)
ws-vote-yes = In favour
ws-vote-no = Against
ws-vote-abstain = Other opinion
ws-ballots-issued = Ballots issued
ws-ballots-returned = Ballots returned
ws-ballots-valid = Valid ballots
ws-reading = How voting members are counted
ws-reading-default = The cell's default ({ $reading })
ws-reading-applied = Counted by: { $reading } — { $citation }
ws-vote-line = { $yes }/{ $eligible } members in favour — { $percent } — { $threshold }: { $outcome }
ws-add-vote = Add vote
vote-kind-resolution = Adopt a resolution
vote-kind-admission = Admission
vote-kind-recognition = Recognition as official
vote-kind-discipline = Discipline
vote-kind-expulsion = Expulsion
vote-kind-election = Election
vote-kind-other = Other
vote-method-show-of-hands = Show of hands
vote-method-show-of-party-cards = Show of party cards
vote-method-secret-ballot = Secret ballot
ws-actions = Tasks assigned
ws-owner = Who
ws-task = Task
ws-deadline = Deadline
ws-report-back = Report back
ws-add-action = Add task
ws-add-agenda-item = Add an item
ws-remove-agenda-item = Remove item { $n }
ws-removed-agenda-item = Item { $n } ({ $title }) removed.
ws-remove-guest = Remove guest { $n }
ws-removed-guest = Guest { $name } removed.
ws-remove-speech = Remove opinion { $n }
ws-removed-speech = The opinion of { $name } removed.
ws-remove-vote = Remove vote { $n }
ws-removed-vote = Vote { $n } removed.
ws-remove-action = Remove task { $n }
ws-removed-action = Task { $n } removed.
ws-undo = Undo
ws-close = Close the meeting and draw up the minutes
ws-close-hint = Once closed, the minutes are locked for signing; changing them means reopening and signing again.
sign-title = Sign the minutes
sign-fingerprint = SHA-256 of the minutes (read it out to compare):
sign-signed-roles = Signed
sign-role = Sign as
sign-member = Signer
sign-submit = Sign
sign-done = Signed: { $name } — { $role }
sign-remote = Remote signing by file
sign-remote-hint = Export a signing request for a signer on another computer, then import the folder of signatures they send back.
sign-export-request = Export signing request…
sign-import-attestations = Import returned signatures…
sign-imported = Imported { $count } signatures.
export-minutes = Export minutes PDF…
export-resolution = Export resolution PDF…
export-attendance = Export attendance sheet PDF…
export-bundle = Export bundle (ZIP)…
export-done = Saved: { $path }
verify-open = Open a PDF or bundle…
verify-chain = Chain of minutes
verify-chain-valid = unbroken
verify-chain-invalid = broken or altered
verify-chain-unpinned = unbroken
verify-trust = Trusted from
verify-trust-load = Load a cell's trust file…
verify-trust-load-hint = The cell's pinned member keys (…trust.json, exported by the cell with “minutebook key export-trust”) or a public key (.pem): signatures are checked against these keys, not only against fingerprints printed in the same PDF.
verify-trust-loaded = Trust files in use:
verify-trust-clear = Forget these files
settings-backup-now = Back up now

# Roster editing, opening exports
roster-add = Add a member
roster-edit = Edit
roster-edit-name = Edit { $name }
roster-empty = No members yet. Import the roster from a file or add members one by one.
member-form-new = New member
member-form-edit = Edit { $name }
member-birth-date = Date of birth
member-gender = Gender
gender-male = Male
gender-female = Female
member-category = Category
member-card = Party card number
member-admitted-on = Admitted to the Party
member-official-on = Official member since
member-other-posts = Other posts (separated by commas)
member-status = Standing
member-exempted-label = Exempted from party work and activities
member-exempted-since = Since
member-suspended-label = Suspended, prosecuted or detained
member-suspended = suspended
member-transfer-in = Transferred in to the cell
member-transfer-out = Transferred out
transfer-date = Date
transfer-kind = Kind
transfer-official = permanent
transfer-temporary = temporary
transfer-from = From party body
transfer-to = To party body
member-save = Save
member-saved = Saved { $name }.
member-problem-name-required = Enter the full name.
member-problem-transfer-in-incomplete = Transfer in: give both the date and the party body.
member-problem-transfer-out-incomplete = Transfer out: give both the date and the party body.
member-left = transferred out on { $date }
member-away = temporarily attached elsewhere
member-not-yet = arrives on { $date }
export-open = Open the saved file
export-opened = Opened: { $path }
setup-skip-import = Skip: add members one by one on the Roster screen

# Full-text search on the meetings screen
search-in-minutes = In the minutes ({ $count } { $count ->
    [one] place
   *[other] places
  })
search-kind-agenda = agenda item
search-kind-speech = speech
search-kind-vote = vote
search-kind-action = action item

# Backups in settings
settings-backups = Backups
settings-backups-hint = The first opening of each day backs the minute book up automatically, and so does every upgrade. Each backup is a whole minute book.
settings-backups-keep = Automatic backups to keep
settings-backups-keep-saved = The newest { $count } automatic backups will be kept.
settings-backups-daily-failed = Today's automatic backup could not be made (the minute book works as usual; nothing was lost)
settings-backups-file = File
settings-backups-when = When
settings-backups-size = Size
dismiss = Dismiss

## Printable text and drafts (issue 15)
close-unprintable = The meeting cannot be closed: some text cannot be printed in the PDF. Fix these and close again:
close-unfinished = Some of the minutes look unfinished:
cli-close-confirm = To close the meeting as it is anyway, run the command again with --yes.
text-unprintable = { $field }: the character “{ $char }” ({ $code }{ $name }) cannot be printed in the PDF; delete it or type something else
text-unprintable-replace = { $field }: the character “{ $char }” ({ $code }{ $name }) cannot be printed in the PDF; type “{ $replacement }” instead
text-word-too-long = { $field }: a word of more than 200 characters without a space cannot be laid out; add spaces
text-placeholder = { $field }: a blank to fill in (“…”, “...” or “___”) is still there
text-empty-conclusion = { $field }: this item has no conclusion by the chair yet

## Command-line help (crates/minutebook-cli/src/help.rs): ids follow the command path,
## `cli-help-<command>--<argument>`.
cli-heading-usage = Usage:
cli-heading-options = Options
cli-heading-arguments = Arguments
cli-heading-commands = Commands
cli-value-command = COMMAND
cli-flag-help = Print this help
cli-flag-version = Print the version
cli-error = error
cli-error-unknown-argument = there is no argument { $arg }
cli-error-unknown-command = there is no command "{ $command }"
cli-error-missing-argument = a required argument is missing: { $arg }
cli-error-missing-command = a command is needed
cli-error-invalid-value = the value "{ $value }" cannot be used for { $arg }
cli-error-conflict = { $arg } cannot be used with { $other }
cli-error-value-count = wrong number of values for { $arg }
cli-error-no-equals = { $arg } must be written { $arg }=VALUE
cli-error-other = the command is not valid
cli-error-suggestion = tip: { $suggestion }
cli-error-more = For help, add --help after the command.
cli-passphrase-prompt = Key passphrase:{" "}
cli-passphrase-again = Passphrase again:{" "}
cli-passphrase-no-terminal = there is no terminal to type the passphrase at (the command runs through a pipe or a service); write the passphrase on the first line of a file and use --passphrase-file FILE
cli-passphrase-unreadable = the typed passphrase could not be read ({ $reason })
cli-help = Sổ biên bản chi bộ — Minutebook
cli-help--db = The minute book (SQLite file). Default: the OS data directory, or $MINUTEBOOK_DB.
cli-help--lang = Language of messages: vi (default) or en. Also $MINUTEBOOK_LANG.
cli-help-cell = The cell whose minute book this is.
cli-help-cell-create = Create the cell of a new minute book.
cli-help-cell-create--name = The cell's name, e.g. "Chi bộ Tổ dân phố số 7".
cli-help-cell-create--upper-committee = The committee above, e.g. "Đảng bộ phường Thanh Bình".
cli-help-cell-create--place = Place in the date line, "Hà Nội".
cli-help-cell-create--code = Code in document numbers (default CB).
cli-help-cell-show = Show the cell and its settings.
cli-help-cell-set-reading = Set the cell's default counting reading.
cli-help-cell-set-reading--reading = One of: { $readings }.
cli-help-roster = The roster of members.
cli-help-roster-import = Import members from CSV or XLSX (all or nothing).
cli-help-roster-import--file = The spreadsheet.
cli-help-roster-list = List members.
cli-help-roster-list--json = Print JSON.
cli-help-meeting = Meetings: import, export, list, close.
cli-help-meeting-import = Import a meeting interchange file; prints the new meeting's id last.
cli-help-meeting-import--file = The JSON file.
cli-help-meeting-export = Export a meeting as an interchange file (to stdout, or --out).
cli-help-meeting-export--id = Meeting id.
cli-help-meeting-export--out = Output file.
cli-help-meeting-list = List meetings.
cli-help-meeting-list--json = Print JSON.
cli-help-meeting-close = Close a meeting: freeze its record for review and signing. Text the PDF cannot print is refused (each field and character listed); unfinished text (“…”, an agenda item without a conclusion) is listed and needs --yes.
cli-help-meeting-close--id = Meeting id.
cli-help-meeting-close--yes = Close even though some text looks unfinished.
cli-help-meeting-reopen = Reopen a closed meeting for changes; closing again makes a new version.
cli-help-meeting-reopen--id = Meeting id.
cli-help-vote = Per-vote settings.
cli-help-vote-reading = Choose the counting reading of one vote (or `default` for the cell's).
cli-help-vote-reading--id = Meeting id.
cli-help-vote-reading--vote = Vote number, from 1.
cli-help-vote-reading--reading = One of: { $readings }, or default.
cli-help-report = The figures the minutes need: attendance and each vote.
cli-help-report--id = Meeting id.
cli-help-report--json = Print JSON.
cli-help-report--reading = Show the votes under this counting reading instead (not saved): { $readings }.
cli-help-search = Full-text search of the minutes, votes and action items (case and diacritics ignored).
cli-help-search--query = Words to find, as a phrase ("nghi quyet" finds "Nghị quyết").
cli-help-search--limit = At most this many hits.
cli-help-search--json = Print JSON.
cli-help-dashboard = A year of the cell's meetings (attendance, votes, tasks, members) as CSV for the year-end report.
cli-help-dashboard--year = The year (default: the latest with a meeting).
cli-help-dashboard--json = Print JSON instead of CSV.
cli-help-key = Members' signing keys.
cli-help-key-new = Generate a key for a member (stored encrypted).
cli-help-key-new--member = Member id or exact full name.
cli-help-key-new--passphrase-file = File holding the passphrase.
cli-help-key-import = Import a member's encrypted PKCS#8 PEM key (e.g. from `openssl genpkey`).
cli-help-key-import--member = Member id or exact full name.
cli-help-key-import--file = The PEM file.
cli-help-key-import--passphrase-file = File holding the key's passphrase.
cli-help-key-pin = Pin a member's public key (SPKI PEM) for a member who signs on their own computer.
cli-help-key-pin--member = Member id or exact full name.
cli-help-key-pin--file = The public key PEM (from `minutebook key export-public` on their computer).
cli-help-key-export-public = Print a member's public key (SubjectPublicKeyInfo PEM).
cli-help-key-export-public--member = Member id or exact full name.
cli-help-key-list = List keys with fingerprints.
cli-help-key-list--json = Print JSON.
cli-help-key-revoke = Revoke a member's key from a date (YYYY-MM-DD).
cli-help-key-revoke--member = Member id or exact full name.
cli-help-key-revoke--from = First day the key is no longer valid.
cli-help-key-export-trust = Write the roster's pinned keys as a trust file for `verify --trust`.
cli-help-key-export-trust--out = Output file.
cli-help-sign = Sign a closed meeting's record on this computer.
cli-help-sign--id = Meeting id.
cli-help-sign--member = Member id or exact full name.
cli-help-sign--role = chair, minute-taker or member.
cli-help-sign--passphrase-file = File holding the passphrase (first line). Without it, a prompt that does not echo.
cli-help-bundle = Signed bundles.
cli-help-bundle-export = Write the signed bundle of a meeting.
cli-help-bundle-export--id = Meeting id.
cli-help-bundle-export--out = Output folder (or zip file with --zip).
cli-help-bundle-export--zip = Write a zip file instead of a folder.
cli-help-bundle-export--version = The record version to write (default: the current one). Any stored version can be written, also while the meeting is reopened.
cli-help-bundle-export-book = Write every record version of the book, one bundle each, into a new folder: verifying that folder checks the whole chain.
cli-help-bundle-export-book--out = The new folder.
cli-help-bundle-export-book--zip = Write zip files instead of folders.
cli-bundles-written = { $count } bundles written to { $path }
verify-superseded = superseded by version { $version } ({ $where }): its signatures hold, but it is no longer the meeting's record
verify-superseded-in-book = this minute book
cli-help-sign-request = Signing requests, for members who sign on their own computer.
cli-help-sign-request-export = Write an unsigned bundle for a member to sign elsewhere.
cli-help-sign-request-export--id = Meeting id.
cli-help-sign-request-export--out = Output folder.
cli-help-sign-request-sign = (On the member's computer) sign a request with a key in this minute book and write the attestation files to --out.
cli-help-sign-request-sign--request = The request folder.
cli-help-sign-request-sign--member = Member id or exact full name (in this computer's minute book).
cli-help-sign-request-sign--role = chair, minute-taker or member.
cli-help-sign-request-sign--passphrase-file = File holding the passphrase.
cli-help-sign-request-sign--out = Output folder for the attestation files.
cli-help-attestation = Attestations signed elsewhere.
cli-help-attestation-import = Import attestation files signed elsewhere (each is verified first).
cli-help-attestation-import--id = Meeting id.
cli-help-attestation-import--dir = Folder holding NN-role.json/.sig/.pub.pem files.
cli-help-verify = Verify a bundle (folder or zip), a folder of bundles, or an exported PDF.
cli-help-verify--path = What to verify.
cli-help-verify--trust = Trusted keys: a trust file (JSON) or a public key PEM. Repeatable.
cli-help-verify--json = Print JSON.
cli-help-export = Archival exports (PDF/A-3 with the signed bundle inside).
cli-help-export-pdf = The minutes (biên bản) as PDF/A-3 with the bundle attached.
cli-help-export-pdf--id = Meeting id.
cli-help-export-pdf--out = Output file.
cli-help-export-pdf--draft = Mark as draft (DỰ THẢO) even if signed; a meeting still open prints only as a draft.
cli-help-export-resolution = The resolution (nghị quyết) of the meeting.
cli-help-export-resolution--id = Meeting id.
cli-help-export-resolution--out = Output file.
cli-help-export-attendance-sheet = The attendance sheet with a signature line per member.
cli-help-export-attendance-sheet--id = Meeting id.
cli-help-export-attendance-sheet--out = Output file.
cli-help-export-invitation = Before the meeting: the notice summoning it (with the agenda) and a calendar entry (iCalendar) for members.
cli-help-export-invitation--id = Meeting id.
cli-help-export-invitation--out = The notice, as PDF.
cli-help-export-invitation--ics = The calendar entry, as .ics (for phone and computer calendars).
cli-help-export-invitation--issued-on = The notice's date, YYYY-MM-DD (default: today).
cli-help-backup = Copy the minute book to PATH (a consistent snapshot, safe while in use).
cli-help-backup--path = Where to write the copy (must not exist).
cli-help-check = Check the whole minute book: SQLite integrity, the audit chain, and every closed record against its rows and signatures.
cli-help-check--json = Print JSON.
cli-help-demo = Run the March 2026 sample case into a fresh minute book and print its report.

## Date fields (ui/src/lib/forms/DateInput.svelte): day first, dd/mm/yyyy, whatever the system locale
date-part-day = dd
date-part-month = mm
date-part-year = yyyy
date-open-calendar = Pick the date on a calendar
date-previous-month = Previous month
date-next-month = Next month
date-impossible = There is no {$day}/{$month}/{$year}: month {$month} of {$year} has only {$days} days. Type the day again.
date-incomplete = The date is not complete: type day, month and year (dd/mm/yyyy), or leave it blank.
date-required = Type the date (dd/mm/yyyy).

## The close check in the workspace (ui/src/lib/meeting/CloseCheck.svelte)
close-field-guest = Guest { $n }
close-field-title = Item title
close-field-speech = Opinion { $n }
close-field-vote = Vote { $n }
close-field-action = Task { $n }
close-field-member = Member { $n }
close-field-full-name = Full name
close-field-cell = Cell
close-checking = Checking the minutes…
close-confirm-title = Close the meeting and freeze the minutes?
close-confirm-body = The minutes will be frozen for signing. To change them afterwards the meeting must be reopened, and the new version signed again.
close-confirm-anyway = Close the meeting anyway
close-confirm = Close the meeting
close-back = Go back and edit
close-done = The meeting is closed: version { $version } of the minutes (number { $sequence } in the book) is frozen. Members can sign below.
draft-print = Print a draft
draft-print-hint = A PDF marked DỰ THẢO (draft) on every page, to read out before closing; nothing is stored in the book.
invitation-group = Before the meeting:
invitation-print = Print the notice
invitation-print-hint = The notice summoning the meeting (time, place, who, agenda) with the agenda page, dated today; the number is left blank and it is signed by hand when issued.
invitation-calendar = Calendar entry (.ics)
invitation-calendar-hint = An iCalendar file for members to add the meeting to their phone or computer calendar; sent again after a change of time or place, it updates the entry.

## How an exported PDF differs from its signed record (verify)
verify-rendering-rewritten = the file was saved again by another program: every page still draws what was exported, but the file is no longer the exported one (fonts and the file's structure are not compared page by page). The signed record inside and its signatures are checked above; for a copy you can rely on in print, export again from the minute book.
verify-rendering-pages = page { $pages } shows something other than the signed record: the page content was edited. Trust only the signed record inside (checked above), not these pages.
verify-rendering-page-count = the file has { $found } pages where the signed record gives { $expected }: pages were added or removed. Trust only the signed record inside (checked above).

## The committee archive (minutebook-archive, issue 13)
archive-accepted = Received: { $source } ({ $cell }, record number { $sequence }, version { $version })
archive-already-received = Already received, nothing changed: { $source }
archive-already-received-more = Already received; { $count } new signatures added: { $source }
archive-quarantined = Not accepted, put in quarantine: { $source } — { $reason }
archive-summary = { $accepted } records received, { $already } already held, { $quarantined } put in quarantine.
archive-schema-at = The archive database is at schema version { $version }.
archive-key-enrolled = Enrolled key { $fingerprint } of { $name } (member id { $member }), valid from { $from } to { $until }.
archive-key-line = { $fingerprint }  { $name } (id { $member })  { $from } – { $until }
archive-key-open-ended = until revoked
archive-anomalies-none = No anomaly found in the chains of minutes.
archive-anomaly-line = #{ $id } { $kind } — cell { $cell }: { $detail }
archive-anomaly-gap = Missing records
archive-anomaly-fork = Fork in the chain
archive-anomaly-rollback = Older version sent again
archive-quarantine-empty = The quarantine is empty.
archive-quarantine-line = { $source } — { $reason }
archive-reason-unreadable = The file cannot be read
archive-reason-not-a-bundle = Neither a minutes bundle nor a PDF carrying one
archive-reason-verification-failed = Verification failed
archive-reason-key-not-enrolled = A signing key is not enrolled with the committee
archive-reason-key-out-of-validity = A signing key was not valid on the day of signing
archive-reason-key-other-member = A signing key is enrolled for another member
archive-reason-key-other-cell = A signing key is enrolled for another cell
archive-reason-pdf-pages-differ = The PDF's pages do not match the signed record
archive-reason-store-failed = The database could not store it
archive-error-database = Database error: { $detail }
archive-error-schema-too-new = The archive database is at schema version { $found }, newer than version { $supported } that this program knows. Nothing was changed; update minutebook-archive.
archive-error-invalid = Invalid input: { $detail }
archive-error-io = Cannot read or write { $path }: { $reason }
archive-error-no-url = No database address: use --database-url or the MINUTEBOOK_ARCHIVE_URL environment variable.
archive-log-started = Started the Merkle log { $origin }; it holds { $size } records.
archive-log-key-written = Wrote the log's private key to { $path } (keep it secret). The public key to give the cells:
archive-receipts-issued = Issued { $count } receipts against a checkpoint of { $size } records.
archive-receipt-none = No receipt yet for record { $sha256 }.
archive-receipt-valid = Valid receipt: log { $origin }, record index { $index } in a checkpoint of { $size } records.

## Reopening a closed meeting (ui/src/lib/meeting/SignPanel.svelte)
reopen-title = Reopen the meeting to make changes…
reopen-body = Reopening keeps the signed minutes in the book as they are (the current version), and lets the meeting be edited again; closing it again makes version { $version }, which must be signed again.
reopen-confirm = Reopen for changes

## Details of errors (ApiError::detail_id), in the user's language
err-key-exists = { $name } already has a valid signing key; revoke it before making a new one
err-no-key = { $name } has no signing key yet; make one before signing
err-no-cell = the minute book has no cell yet; set the cell up first
err-not-closed = meeting { $id } is not closed yet; close it first
err-invitation-no-output = say where to write: --out FILE.pdf, --ics FILE.ics or both
err-invitation-same-file = --out and --ics name the same file: the calendar entry would replace the notice; give two names
err-reopened = meeting { $id } was reopened for changes; closing it again makes version { $version }
err-meeting-locked = meeting { $id } is closed and cannot be edited; reopen it to make changes

## Why live figures cannot be given yet (minutebook_api::workspace::LiveProblem)
live-attendance-missing = { $name } has no attendance entry yet
live-attendance-duplicate = { $name } is in the attendance twice
live-attendance-unknown = the attendance names someone not on the roster (#{ $id })
live-left-before-arriving = { $name } is recorded as leaving before arriving
live-unknown-signatory = the chair or minute-taker chosen (#{ $id }) is not on the roster
live-ends-before-start = the meeting ends before it starts
live-vote-more-than-present = vote { $n }: { $counted } votes counted but only { $present } voting members were present at { $at }
live-vote-ballots = vote { $n }: the ballot counts do not add up ({ $detail })
live-vote-no-eligible = vote { $n }: no official member is eligible to vote under this reading
live-vote-no-subject = vote { $n }: the subject of the vote is not written yet

## Dashboard (issue 15)
nav-dashboard = Dashboard
dash-title = The year { $year }
dash-year = Year
dash-average-label = average attendance
dash-meetings-label = meetings this year
dash-empty = No meeting in this year yet.
dash-chart-attendance = Members' attendance at each meeting
dash-chart-tasks = Tasks assigned
dash-chart-members = Each member's attendance
dash-series-rate = Attendance (%)
dash-series-present = Present
dash-series-excused = Absent with a reason
dash-series-unexcused = Absent without a reason
dash-tasks-done = Done
dash-tasks-open = Open
dash-tasks-late = Late
dash-tasks-dropped = Dropped
dash-table-votes = Votes (passed/taken)
dash-skipped = { $count } meeting(s) not counted: their figures are not valid yet (open the meeting to fix them).
dash-export = Export CSV for the year-end report
dash-export-hint = The meetings, tasks and each member's attendance, readable in Excel.
dash-csv-meetings = Meetings of
dash-csv-date = Date
dash-csv-subject = Subject
dash-csv-present = Present
dash-csv-must-attend = Must attend
dash-csv-rate = Rate
dash-csv-votes = Votes
dash-csv-votes-passed = Passed
dash-csv-tasks = Tasks
dash-csv-tasks-done = Tasks done
dash-csv-tasks-open = Open
dash-csv-tasks-late = Late
dash-csv-tasks-dropped = Dropped
dash-csv-member = Member
dash-csv-summoned = Must attend
dash-csv-absent-excused = Absent with a reason
dash-csv-absent-unexcused = Absent without a reason

## The secretary's year, second round (issue 15): exports, imports, the dashboard, the notice
cli-export-written = Written: { $files }
err-meeting-duplicate = the minute book already holds this meeting: meeting { $id } of { $date }, “{ $subject }”; nothing was imported
cli-import-allow-duplicate = If this really is another meeting (same date, same subject), run the command again with --allow-duplicate.
cli-help-meeting-import--allow-duplicate = Import even when the book already holds a meeting with the same date and subject.
dash-csv-id = Meeting id
dash-csv-status = Status
cli-dashboard-empty = No meeting in { $year } in this minute book: nothing to tabulate.
cli-dashboard-years = Years with meetings: { $years }.
cli-dashboard-no-meetings-at-all = The minute book has no meeting yet.
err-no-resolution = meeting { $id } has no resolution of its own, so there is none to print: in the meeting's screen, press “Draft the resolution from the conclusions and tasks”, review and number it, then close and sign the meeting again (reopen it first if it is closed)
invitation-warning-past = The meeting of { $date } is before the notice's date ({ $issued }). The notice prints all the same; check the meeting's date or the notice's.
invitation-warning-past-today = The meeting of { $date } is past: the notice is dated today ({ $issued }), as no other date was chosen. The notice prints all the same; check the meeting's date, or choose the notice's date (--issued-on).
invitation-warning-overrun = The agenda plans { $minutes } minutes: starting at { $start } it ends at { $agenda_end }, after the planned end, { $end }. The notice prints all the same; check the items' minutes or the end time.
err-meeting-not-found = there is no meeting { $id } in the minute book (see the list: minutebook meeting list)
err-already-closed = meeting { $id } is already closed; reopen it to make changes
err-close-unprintable = meeting { $id } cannot be closed: { $count } places hold text the PDF cannot print; correct them and close again
err-no-book-for-trust = there is no minute book at { $path } to take pinned keys from
err-file-not-json = the file is not valid JSON (broken or cut short at line { $line }, column { $column })
err-file-not-meeting = the file is not a Minutebook meeting interchange file (minutebook.meeting)
err-file-format = the meeting interchange file is in a format this Minutebook cannot read; update Minutebook
err-file-missing-top-field = the file lacks “{ $field }”
err-file-missing-field = { $path }: “{ $field }” is missing
err-file-unknown-field = { $path }: “{ $field }” is not part of the meeting file format
err-file-unknown-value = { $path }: “{ $value }” is not one of the values used here
err-file-wrong-type = { $path }: the value is not of the kind (text, number, list…) this entry needs
err-file-date = { $path }: “{ $value }” is not a date written YYYY-MM-DD
err-file-time = { $path }: “{ $value }” is not a time written HH:MM
verify-problem-key-revoked = { $file }: key { $fingerprint } is revoked from { $from }, but the signature states { $signed_at }
verify-problem-key-other-member = { $file }: key { $fingerprint } is pinned to member { $pinned }, but the signature names member { $attested }
verify-problem-role-missing = no valid signature of the { $role }
verify-problem-signature-invalid = { $file }: the signature does not match the record
verify-problem-no-signatures = the bundle holds no signature
verify-caveat-bare-key = { $file }: key { $fingerprint } is trusted as a bare public key, for whoever the attestation names ({ $name }, { $member }); compare it with the cell's roster

err-file-no-member = { $path }: nobody with id “{ $member }” on the file's roster
err-file-other-cell = the file is for “{ $file }”, this minute book is “{ $book }”
