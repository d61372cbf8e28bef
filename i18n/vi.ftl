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
