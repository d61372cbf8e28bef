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
cli-backup-done = Đã sao lưu vào { $path }
cli-default-reading = Cách tính mặc định
cli-required-roles = Người phải ký
report-roster = Tổng số đảng viên: { $total } (chính thức { $official }, dự bị { $probationary }); miễn sinh hoạt: { $exempted }.
report-attendance = Có mặt: { $present }/{ $must } đồng chí phải dự (chính thức { $official }, dự bị { $probationary }), đạt { $rate }. Vắng có lý do: { $excused }; vắng không lý do: { $unexcused }.
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
