"""Vietnamese family names, to tell a signer's name from other short capitalised lines.

The most frequent surnames cover the vast majority of officials; a line after the signature
block's position line is accepted even without one, but a lone line needs it.
"""

SURNAMES: frozenset[str] = frozenset(
    """Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đào Đoàn Vương Trịnh
    Trương Lâm Phùng Mai Tô Tạ Hà Lưu Lương Cao Đinh Châu Thái Quách Quang Kiều Kim Triệu Tăng Văn
    Lạc Từ Thân Mạc Hứa Diệp Chu Chung Giang Khúc Khổng La Lò Lục Nông Ông Quan Tống Thạch Tiêu
    Trang Trà Viên Vi Yên Âu Bạch Biện Cù Công Đàm Đồng Hàn Hầu Khương Lại Lữ Ninh Nghiêm Sơn Thi
    Thiều Tôn Ung Doãn Danh Bế Cầm Giáp Hoa Lều Mã Nhan Phí Phó Quản Sầm Thang Vòng Xa""".split()
)
