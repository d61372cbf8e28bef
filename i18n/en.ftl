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
