# Minutebook — Vietnamese catalogue (default language).
# Shared by the desktop UI (ui/) and, later, the Rust exports.
# Every id here must also exist in en.ftl (a vitest test checks this).

app-name = Minutebook
skip-to-content = Bỏ qua, đến nội dung chính

## Navigation and header
nav-label = Điều hướng chính
nav-meetings = Cuộc họp
nav-roster = Danh sách đảng viên
nav-verify = Xác minh
nav-settings = Cài đặt
header-no-cell = Chưa thiết lập chi bộ
autosave-saving = Đang lưu…
autosave-saved = Đã lưu
autosave-failed = Chưa lưu được — thử lại

## Not yet connected (phase 1: the use-case layer is not wired to the window yet)
not-connected-title = Chưa kết nối sổ biên bản
not-connected-body = Phiên bản này mới có khung ứng dụng. Dữ liệu chi bộ, cuộc họp và đảng viên sẽ hiển thị ở đây khi phần xử lý được kết nối. Không có dữ liệu mẫu nào được hiển thị như dữ liệu thật.

## Meetings
meetings-title = Cuộc họp
meetings-start-setup = Thiết lập chi bộ

## Roster
roster-title = Danh sách đảng viên

## Verify
verify-title = Xác minh biên bản
verify-intro = Mở một tệp PDF hoặc gói biên bản được gửi đến để kiểm tra từng chữ ký.

## Settings
settings-title = Cài đặt
settings-language = Ngôn ngữ
settings-language-vi = Tiếng Việt
settings-language-en = English
settings-data-folder = Thư mục dữ liệu
settings-data-folder-hint = Sổ biên bản và bản sao lưu được lưu trong thư mục này trên máy.
settings-version = Phiên bản
settings-loading = Đang tải…
settings-info-error = Không đọc được thông tin ứng dụng: { $message }

## First run: create the cell
setup-title = Thiết lập chi bộ
setup-intro = Nhập thông tin chi bộ như sẽ in trên đầu biên bản.
setup-cell-name = Tên chi bộ
setup-cell-name-hint = Ví dụ: Chi bộ Tổ dân phố số 7
setup-committee-above = Đảng bộ cấp trên
setup-committee-above-hint = Ví dụ: Đảng bộ phường Thanh Bình
setup-date-place = Địa danh ghi ngày tháng
setup-date-place-hint = Dùng ở dòng “…, ngày … tháng … năm …”, ví dụ: Hà Nội
setup-submit = Tạo chi bộ
setup-error-required = Mục này không được để trống.
setup-error-too-long = Không quá { $max } ký tự.
setup-error-control = Có ký tự không hợp lệ (ký tự điều khiển).
setup-not-saved = Thông tin hợp lệ. Chức năng tạo chi bộ chưa được kết nối trong phiên bản này nên chưa có gì được lưu.

## Errors crossing from the app core ({ code, message })
error-generic = Đã có lỗi: { $message }

## Shared with the Rust side (CLI, exports, errors)
member-official = chính thức
member-probationary = dự bị
member-exempted = miễn sinh hoạt
status-draft = Dự thảo
status-in-session = Đang họp
status-closed = Đã kết thúc
status-signing = Đang ký
status-signed = Đã ký
role-chair = Chủ trì
role-minute-taker = Thư ký
role-member = Đảng viên
reading-full-exclusions = Loại trừ đầy đủ theo điểm 9.3.2 (mặc định)
reading-qd294-as-quoted = QĐ 294 theo bản trích dẫn (vẫn tính người vắng có lý do)
reading-all-official = Tính tất cả đảng viên chính thức
threshold-more-than-half = quá nửa
threshold-at-least-two-thirds = ít nhất hai phần ba
vote-passed = đạt
vote-failed = không đạt
integrity-intact = Nguyên vẹn
integrity-altered = Dữ liệu đã bị sửa ngoài Minutebook — không còn khớp với biên bản đã ký
cli-demo-db = Sổ biên bản mẫu: { $path }
cli-roster-imported = Đã nhập { $added } đảng viên; danh sách có { $total } đảng viên.
cli-meeting-imported = Đã nhập cuộc họp. Mã cuộc họp:
cli-meeting-reopened = Đã mở lại cuộc họp để sửa; khi kết thúc lại sẽ tạo phiên bản mới, các chữ ký cũ chỉ có giá trị với phiên bản cũ.
cli-search-none = Không tìm thấy kết quả nào cho “{ $query }”.
cli-backup-done = Đã sao lưu vào { $path }
cli-default-reading = Cách tính mặc định
cli-required-roles = Người phải ký
report-roster = Tổng số đảng viên: { $total } (chính thức { $official }, dự bị { $probationary }); miễn sinh hoạt: { $exempted }.
report-attendance = Có mặt: { $present }/{ $must } đồng chí phải dự (chính thức { $official }, dự bị { $probationary }), đạt { $rate }. Vắng có lý do: { $excused }; vắng không lý do: { $unexcused }.
report-signed-figures = Số liệu dưới đây là số liệu trong biên bản đã ký, không phải dữ liệu đã bị sửa.
status-altered = Đã bị sửa sau khi ký
export-altered = Tệp xuất ra mang biên bản đã ký; dữ liệu của cuộc họp này trong sổ đã bị sửa sau khi ký (xem: minutebook check).
report-reading-overridden = (Đang xem thử theo cách tính khác — chưa lưu.)
report-vote = { $n }. { $subject }: tán thành { $yes }, không tán thành { $no }, ý kiến khác { $abstain }; so với { $eligible } đảng viên tính biểu quyết: { $percent } — cần { $threshold } — { $outcome }.
report-reading = Cách tính
key-revoked-from = thu hồi từ
record-info = Biên bản phiên bản { $version }, số thứ tự { $sequence } trong sổ.
record-missing-roles = Còn thiếu chữ ký
signed-as = Đã ký: { $name } — { $role } ({ $file })
verify-signature-valid = chữ ký hợp lệ
verify-signature-invalid = chữ ký KHÔNG hợp lệ
pin-pinned = khóa khớp danh sách
pin-bare-key = khóa được tin cậy trực tiếp
pin-other-member = khóa thuộc người khác
pin-revoked = khóa đã bị thu hồi
pin-not-pinned = khóa chưa có trong danh sách tin cậy
verify-role-signed = đã ký
verify-role-missing = chưa ký
verify-unpinned-fingerprint = Dấu vân tay cần đối chiếu với danh sách chi bộ
verify-rendering-ok = nội dung trang khớp với biên bản đã ký
verify-rendering-bad = nội dung trang KHÔNG khớp với biên bản đã ký
verify-outcome-valid = KẾT QUẢ: hợp lệ — mọi chữ ký đúng và khóa đã được xác nhận.
verify-outcome-unpinned = KẾT QUẢ: chữ ký đúng nhưng có khóa chưa được xác nhận — đối chiếu dấu vân tay với danh sách chi bộ.
verify-outcome-invalid = KẾT QUẢ: KHÔNG hợp lệ.
check-audit = Nhật ký thay đổi
check-ok = Sổ biên bản nguyên vẹn.
check-failed = Sổ biên bản có vấn đề (xem trên).
error-not-found = Không tìm thấy
error-invalid-input = Dữ liệu không hợp lệ, chưa thay đổi gì
error-usage = Sai cách dùng lệnh
error-locked = Cuộc họp đã kết thúc hoặc đã ký, không sửa trực tiếp được
error-wrong-passphrase = Sai mật khẩu khóa ký
error-key-problem = Tệp khóa có vấn đề
error-not-allowed = Không được phép
error-tampered = Dữ liệu không khớp với bản đã ký
error-disk-full = Ổ đĩa đầy, chưa lưu được
error-too-new = Sổ biên bản được tạo bởi phiên bản Minutebook mới hơn
error-busy = Sổ biên bản đang được chương trình khác dùng
error-export = Không xuất được tệp
error-io = Lỗi đọc/ghi tệp
error-storage = Lỗi cơ sở dữ liệu

## Desktop phase 2: meetings, workspace, roster, signing, export, verify
cancel = Huỷ
meetings-new = Cuộc họp mới
meetings-create = Tạo cuộc họp
meetings-kind = Loại cuộc họp
meetings-subject-hint = Để trống để dùng tên thường dùng của loại cuộc họp
meetings-search = Tìm theo tiêu đề, ngày hoặc nội dung biên bản
meetings-empty = Chưa có cuộc họp nào. Bấm “Cuộc họp mới” để bắt đầu.
meetings-month = Tháng { $month } năm { $year }
kind-regular = Sinh hoạt thường kỳ
kind-thematic = Sinh hoạt chuyên đề
kind-extraordinary = Họp bất thường
kind-admission = Xét kết nạp đảng viên
kind-recognition = Xét công nhận đảng viên chính thức
kind-annual-review = Kiểm điểm, đánh giá, xếp loại
setup-open-book = Hoặc mở một sổ biên bản đã có…
setup-roster-title = Nhập danh sách đảng viên
setup-roster-intro = Chọn tệp CSV hoặc Excel (XLSX) danh sách đảng viên của chi bộ.
setup-done = Xong — đến danh sách cuộc họp
roster-import = Nhập danh sách từ tệp…
roster-name = Họ và tên
roster-category = Loại
roster-posts = Chức vụ
roster-key = Khóa ký
post-cell-secretary = Bí thư
post-deputy-cell-secretary = Phó Bí thư
post-committee-member = Chi ủy viên
key-create = Tạo khóa ký
key-passphrase = Mật khẩu khóa
key-passphrase-again = Nhập lại mật khẩu
key-mismatch = Hai lần nhập mật khẩu không khớp.
key-hint = Ít nhất 8 ký tự. Mật khẩu không được lưu ở đâu; quên mật khẩu thì phải tạo khóa mới.
key-created = Đã tạo khóa cho đ/c { $name }. Dấu vân tay: { $fingerprint }
ws-title = Cuộc họp
ws-header = Thông tin chung
ws-subject = Tiêu đề
ws-place = Địa điểm
ws-date = Ngày họp
ws-actual-start = Bắt đầu (giờ:phút)
ws-actual-end = Kết thúc (giờ:phút)
ws-guests = Đại biểu, khách mời
ws-guest-name = Họ tên đại biểu
ws-guest-post = Chức vụ
ws-add-guest = Thêm đại biểu
ws-agenda = Chương trình
ws-agenda-hint = Kéo thả để sắp xếp, hoặc Alt+↑ / Alt+↓ khi đang ở một mục.
ws-agenda-item = Mục { $n }
ws-move-up = Chuyển lên
ws-move-down = Chuyển xuống
ws-attendance = Điểm danh
ws-attendance-line = Có mặt { $present }/{ $must } — { $rate }
ws-reason = Lý do vắng
ws-late = Đến muộn lúc
ws-left = Về sớm lúc
presence-present = Có mặt
presence-absent-excused = Vắng có lý do
presence-absent-unexcused = Vắng không lý do
presence-exempted = Miễn sinh hoạt
presence-not-required = Không triệu tập
ws-minutes = Nội dung từng mục
ws-carried-forward = Nhiệm vụ chưa xong từ kỳ trước:
ws-presenter = Người trình bày
ws-presentation = Nội dung trình bày
ws-speaker = Người phát biểu
ws-gist = Tóm tắt ý kiến
ws-add-speech = Thêm ý kiến
ws-conclusion = Kết luận của chủ trì
ws-votes = Biểu quyết
ws-vote-subject = Nội dung biểu quyết
ws-vote-kind = Loại
ws-vote-method = Hình thức
ws-vote-at = Lúc (giờ:phút)
ws-vote-yes = Tán thành
ws-vote-no = Không tán thành
ws-vote-abstain = Ý kiến khác
ws-ballots-issued = Phiếu phát ra
ws-ballots-returned = Phiếu thu về
ws-ballots-valid = Phiếu hợp lệ
ws-reading = Cách tính số đảng viên biểu quyết
ws-reading-default = Theo mặc định của chi bộ ({ $reading })
ws-reading-applied = Đang tính theo: { $reading } — { $citation }
ws-vote-line = { $yes }/{ $eligible } đồng chí tán thành — đạt { $percent } — { $threshold }: { $outcome }
ws-add-vote = Thêm biểu quyết
vote-kind-resolution = Thông qua nghị quyết
vote-kind-admission = Kết nạp đảng viên
vote-kind-recognition = Công nhận chính thức
vote-kind-discipline = Kỷ luật
vote-kind-expulsion = Khai trừ
vote-kind-election = Bầu cử
vote-kind-other = Khác
vote-method-show-of-hands = Giơ tay
vote-method-show-of-party-cards = Giơ thẻ đảng viên
vote-method-secret-ballot = Bỏ phiếu kín
ws-actions = Phân công nhiệm vụ
ws-owner = Người thực hiện
ws-task = Nhiệm vụ
ws-deadline = Thời hạn
ws-report-back = Báo cáo lại
ws-add-action = Thêm nhiệm vụ
ws-close = Kết thúc cuộc họp và lập biên bản
ws-close-hint = Sau khi kết thúc, biên bản được khóa để ký; muốn sửa phải mở lại và ký lại.
sign-title = Ký biên bản
sign-fingerprint = Mã băm SHA-256 của biên bản (đọc để đối chiếu):
sign-signed-roles = Đã ký
sign-role = Ký với tư cách
sign-member = Người ký
sign-submit = Ký
sign-done = Đã ký: { $name } — { $role }
sign-remote = Ký từ xa bằng tệp
sign-remote-hint = Xuất yêu cầu ký gửi cho người ký ở máy khác, rồi nhập lại thư mục chữ ký họ gửi về.
sign-export-request = Xuất yêu cầu ký…
sign-import-attestations = Nhập chữ ký gửi về…
sign-imported = Đã nhập { $count } chữ ký.
export-minutes = Xuất biên bản PDF…
export-resolution = Xuất nghị quyết PDF…
export-attendance = Xuất danh sách dự họp PDF…
export-bundle = Xuất gói biên bản (ZIP)…
export-done = Đã lưu: { $path }
verify-open = Mở tệp PDF hoặc gói biên bản…
verify-chain = Chuỗi biên bản
verify-chain-valid = liền mạch
verify-chain-invalid = bị đứt hoặc bị sửa
verify-chain-unpinned = liền mạch
verify-trust = Nguồn tin cậy
settings-backup-now = Sao lưu ngay

# Roster editing, opening exports
roster-add = Thêm đảng viên
roster-edit = Sửa
roster-edit-name = Sửa thông tin đồng chí { $name }
roster-empty = Chưa có đảng viên nào. Nhập danh sách từ tệp hoặc thêm từng người.
member-form-new = Thêm đảng viên
member-form-edit = Sửa thông tin đồng chí { $name }
member-birth-date = Ngày sinh
member-gender = Giới tính
gender-male = Nam
gender-female = Nữ
member-category = Loại đảng viên
member-card = Số thẻ đảng viên
member-admitted-on = Ngày vào Đảng
member-official-on = Ngày chính thức
member-other-posts = Chức vụ khác (cách nhau bằng dấu phẩy)
member-status = Tình trạng sinh hoạt
member-exempted-label = Miễn công tác và sinh hoạt đảng
member-exempted-since = Từ ngày
member-suspended-label = Đình chỉ sinh hoạt, bị khởi tố, truy tố hoặc tạm giam
member-suspended = đình chỉ
member-transfer-in = Chuyển sinh hoạt đến chi bộ
member-transfer-out = Chuyển sinh hoạt đi
transfer-date = Ngày
transfer-kind = Hình thức
transfer-official = chính thức
transfer-temporary = tạm thời
transfer-from = Từ tổ chức đảng
transfer-to = Đến tổ chức đảng
member-save = Lưu
member-saved = Đã lưu thông tin đồng chí { $name }.
member-problem-name-required = Cần nhập họ và tên.
member-problem-transfer-in-incomplete = Chuyển đến: cần cả ngày và tên tổ chức đảng.
member-problem-transfer-out-incomplete = Chuyển đi: cần cả ngày và tên tổ chức đảng.
member-left = đã chuyển đi từ { $date }
member-away = sinh hoạt tạm thời nơi khác
member-not-yet = chuyển đến từ { $date }
export-open = Mở tệp vừa lưu
export-opened = Đã mở: { $path }
setup-skip-import = Bỏ qua, thêm từng người ở màn Danh sách đảng viên

# Full-text search on the meetings screen
search-in-minutes = Trong nội dung biên bản ({ $count } kết quả)
search-kind-agenda = nội dung, kết luận
search-kind-speech = ý kiến phát biểu
search-kind-vote = biểu quyết
search-kind-action = phân công nhiệm vụ

# Backups in settings
settings-backups = Sao lưu
settings-backups-hint = Mỗi ngày, lần mở sổ đầu tiên tự động sao lưu một bản; trước khi nâng cấp phiên bản cũng vậy. Mỗi bản sao lưu là một sổ biên bản đầy đủ.
settings-backups-keep = Số bản sao lưu tự động giữ lại
settings-backups-keep-saved = Sẽ giữ lại { $count } bản sao lưu tự động gần nhất.
settings-backups-daily-failed = Hôm nay chưa sao lưu tự động được (sổ biên bản vẫn dùng bình thường, không mất gì)
settings-backups-file = Tệp
settings-backups-when = Lúc
settings-backups-size = Dung lượng
dismiss = Đóng thông báo

## The committee archive (minutebook-archive, issue 13)
archive-schema-at = Cơ sở dữ liệu kho lưu trữ ở phiên bản lược đồ { $version }.
archive-error-database = Lỗi cơ sở dữ liệu: { $detail }
archive-error-schema-too-new = Cơ sở dữ liệu kho lưu trữ ở phiên bản lược đồ { $found }, mới hơn phiên bản { $supported } mà chương trình này biết. Không thay đổi gì; hãy cập nhật minutebook-archive.
archive-error-invalid = Dữ liệu không hợp lệ: { $detail }
archive-error-io = Không đọc hoặc ghi được { $path }: { $reason }
archive-error-no-url = Chưa có địa chỉ cơ sở dữ liệu: dùng --database-url hoặc biến môi trường MINUTEBOOK_ARCHIVE_URL.
