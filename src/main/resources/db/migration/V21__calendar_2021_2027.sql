-- Public holidays and make-up working days of Vietnam, 2021-2027, as observed by state agencies (cán bộ, công chức,
-- viên chức: Saturday and Sunday are the weekly rest days). Sources and assumptions: docs/calendar.md.
-- Legal basis: Bộ luật Lao động 2019, Điều 112 (11 holiday days a year: 1/1; 5 days of Tết Nguyên đán; 10/3 lunar;
-- 30/4; 1/5; 2/9 and one adjacent day) and Điều 111 khoản 3 (a holiday on a weekly rest day gives a compensatory day
-- off on the next working day); each year the Prime Minister fixes the Tết days and the day adjacent to 2/9 and may
-- swap a working day for a Saturday (the HOLIDAY "nghỉ hoán đổi" and WORKING_DAY "làm bù" rows).
-- Rows: the holiday days themselves (also when they fall on a weekend), compensatory days, swapped days off, make-up
-- Saturdays. Ordinary weekends next to a break ("9 ngày Tết" = 5 days + 2 weekends) are not rows.
-- 2027 has not been announced: it follows the statutory rule and is marked provisional.

insert into calendar_year (year, provisional, source) values
    (2021, false, 'Thông báo lịch nghỉ lễ, Tết năm 2021 của Bộ LĐTBXH'),
    (2022, false, 'Thông báo lịch nghỉ lễ, Tết năm 2022 của Bộ LĐTBXH'),
    (2023, false, 'Thông báo lịch nghỉ lễ, Tết năm 2023 của Bộ LĐTBXH'),
    (2024, false, 'Thông báo lịch nghỉ lễ, Tết năm 2024 của Bộ LĐTBXH; văn bản 2450/VPCP-KGVX (4/2024): hoán đổi 29/4 ↔ 4/5'),
    (2025, false, 'Thông báo lịch nghỉ lễ, Tết năm 2025 của Bộ LĐTBXH/Bộ Nội vụ: Tết 25/1–2/2; hoán đổi 2/5 ↔ 26/4; Quốc khánh 30/8–2/9'),
    (2026, false, 'Thông báo 9441/TB-BNV (16/10/2025): Tết 14–22/2, Quốc khánh 29/8–2/9 (làm bù 22/8); văn bản 12729/VPCP-KGVX (25/12/2025): Tết Dương lịch 1–4/1 (làm bù 10/1)'),
    (2027, true,  'Dự kiến theo Bộ luật Lao động 2019 (chưa có thông báo chính thức): Tết 4–10/2, Quốc khánh 2–3/9');

insert into calendar_exception (day, kind, name, provisional) values
    -- 2021
    (date '2021-01-01', 'HOLIDAY', 'Tết Dương lịch', false),  -- T6
    (date '2021-02-10', 'HOLIDAY', 'Tết Nguyên đán Tân Sửu (29 tháng Chạp)', false),  -- T4
    (date '2021-02-11', 'HOLIDAY', 'Tết Nguyên đán Tân Sửu (30 tháng Chạp)', false),  -- T5
    (date '2021-02-12', 'HOLIDAY', 'Tết Nguyên đán Tân Sửu (mùng 1 tháng Giêng)', false),  -- T6
    (date '2021-02-13', 'HOLIDAY', 'Tết Nguyên đán Tân Sửu (mùng 2 tháng Giêng)', false),  -- T7
    (date '2021-02-14', 'HOLIDAY', 'Tết Nguyên đán Tân Sửu (mùng 3 tháng Giêng)', false),  -- CN
    (date '2021-02-15', 'HOLIDAY', 'Tết Nguyên đán Tân Sửu (mùng 4 tháng Giêng)', false),  -- T2
    (date '2021-02-16', 'HOLIDAY', 'Tết Nguyên đán Tân Sửu (mùng 5 tháng Giêng)', false),  -- T3
    (date '2021-04-21', 'HOLIDAY', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', false),  -- T4
    (date '2021-04-30', 'HOLIDAY', 'Ngày Chiến thắng (30/4)', false),  -- T6
    (date '2021-05-01', 'HOLIDAY', 'Ngày Quốc tế Lao động (1/5)', false),  -- T7
    (date '2021-05-03', 'HOLIDAY', 'Nghỉ bù Ngày Quốc tế Lao động (1/5 trùng thứ Bảy)', false),  -- T2
    (date '2021-09-02', 'HOLIDAY', 'Quốc khánh (2/9)', false),  -- T5
    (date '2021-09-03', 'HOLIDAY', 'Quốc khánh (ngày liền kề sau 2/9)', false),  -- T6
    -- 2022
    (date '2022-01-01', 'HOLIDAY', 'Tết Dương lịch', false),  -- T7
    (date '2022-01-03', 'HOLIDAY', 'Nghỉ bù Tết Dương lịch (1/1 trùng thứ Bảy)', false),  -- T2
    (date '2022-01-31', 'HOLIDAY', 'Tết Nguyên đán Nhâm Dần (29 tháng Chạp)', false),  -- T2
    (date '2022-02-01', 'HOLIDAY', 'Tết Nguyên đán Nhâm Dần (mùng 1 tháng Giêng)', false),  -- T3
    (date '2022-02-02', 'HOLIDAY', 'Tết Nguyên đán Nhâm Dần (mùng 2 tháng Giêng)', false),  -- T4
    (date '2022-02-03', 'HOLIDAY', 'Tết Nguyên đán Nhâm Dần (mùng 3 tháng Giêng)', false),  -- T5
    (date '2022-02-04', 'HOLIDAY', 'Tết Nguyên đán Nhâm Dần (mùng 4 tháng Giêng)', false),  -- T6
    (date '2022-04-10', 'HOLIDAY', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', false),  -- CN
    (date '2022-04-11', 'HOLIDAY', 'Nghỉ bù Giỗ Tổ Hùng Vương (trùng Chủ nhật)', false),  -- T2
    (date '2022-04-30', 'HOLIDAY', 'Ngày Chiến thắng (30/4)', false),  -- T7
    (date '2022-05-01', 'HOLIDAY', 'Ngày Quốc tế Lao động (1/5)', false),  -- CN
    (date '2022-05-02', 'HOLIDAY', 'Nghỉ bù Ngày Chiến thắng (30/4 trùng thứ Bảy)', false),  -- T2
    (date '2022-05-03', 'HOLIDAY', 'Nghỉ bù Ngày Quốc tế Lao động (1/5 trùng Chủ nhật)', false),  -- T3
    (date '2022-09-01', 'HOLIDAY', 'Quốc khánh (ngày liền kề trước 2/9)', false),  -- T5
    (date '2022-09-02', 'HOLIDAY', 'Quốc khánh (2/9)', false),  -- T6
    -- 2023
    (date '2023-01-01', 'HOLIDAY', 'Tết Dương lịch', false),  -- CN
    (date '2023-01-02', 'HOLIDAY', 'Nghỉ bù Tết Dương lịch (1/1 trùng Chủ nhật)', false),  -- T2
    (date '2023-01-20', 'HOLIDAY', 'Tết Nguyên đán Quý Mão (29 tháng Chạp)', false),  -- T6
    (date '2023-01-21', 'HOLIDAY', 'Tết Nguyên đán Quý Mão (30 tháng Chạp)', false),  -- T7
    (date '2023-01-22', 'HOLIDAY', 'Tết Nguyên đán Quý Mão (mùng 1 tháng Giêng)', false),  -- CN
    (date '2023-01-23', 'HOLIDAY', 'Tết Nguyên đán Quý Mão (mùng 2 tháng Giêng)', false),  -- T2
    (date '2023-01-24', 'HOLIDAY', 'Tết Nguyên đán Quý Mão (mùng 3 tháng Giêng)', false),  -- T3
    (date '2023-01-25', 'HOLIDAY', 'Tết Nguyên đán Quý Mão (mùng 4 tháng Giêng)', false),  -- T4
    (date '2023-01-26', 'HOLIDAY', 'Tết Nguyên đán Quý Mão (mùng 5 tháng Giêng)', false),  -- T5
    (date '2023-04-29', 'HOLIDAY', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', false),  -- T7
    (date '2023-04-30', 'HOLIDAY', 'Ngày Chiến thắng (30/4)', false),  -- CN
    (date '2023-05-01', 'HOLIDAY', 'Ngày Quốc tế Lao động (1/5)', false),  -- T2
    (date '2023-05-02', 'HOLIDAY', 'Nghỉ bù Giỗ Tổ Hùng Vương (trùng thứ Bảy)', false),  -- T3
    (date '2023-05-03', 'HOLIDAY', 'Nghỉ bù Ngày Chiến thắng (30/4 trùng Chủ nhật)', false),  -- T4
    (date '2023-09-01', 'HOLIDAY', 'Quốc khánh (ngày liền kề trước 2/9)', false),  -- T6
    (date '2023-09-02', 'HOLIDAY', 'Quốc khánh (2/9)', false),  -- T7
    (date '2023-09-04', 'HOLIDAY', 'Nghỉ bù Quốc khánh (2/9 trùng thứ Bảy)', false),  -- T2
    -- 2024
    (date '2024-01-01', 'HOLIDAY', 'Tết Dương lịch', false),  -- T2
    (date '2024-02-08', 'HOLIDAY', 'Tết Nguyên đán Giáp Thìn (29 tháng Chạp)', false),  -- T5
    (date '2024-02-09', 'HOLIDAY', 'Tết Nguyên đán Giáp Thìn (30 tháng Chạp)', false),  -- T6
    (date '2024-02-10', 'HOLIDAY', 'Tết Nguyên đán Giáp Thìn (mùng 1 tháng Giêng)', false),  -- T7
    (date '2024-02-11', 'HOLIDAY', 'Tết Nguyên đán Giáp Thìn (mùng 2 tháng Giêng)', false),  -- CN
    (date '2024-02-12', 'HOLIDAY', 'Tết Nguyên đán Giáp Thìn (mùng 3 tháng Giêng)', false),  -- T2
    (date '2024-02-13', 'HOLIDAY', 'Tết Nguyên đán Giáp Thìn (mùng 4 tháng Giêng)', false),  -- T3
    (date '2024-02-14', 'HOLIDAY', 'Tết Nguyên đán Giáp Thìn (mùng 5 tháng Giêng)', false),  -- T4
    (date '2024-04-18', 'HOLIDAY', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', false),  -- T5
    (date '2024-04-29', 'HOLIDAY', 'Nghỉ hoán đổi (làm bù thứ Bảy 4/5/2024)', false),  -- T2
    (date '2024-04-30', 'HOLIDAY', 'Ngày Chiến thắng (30/4)', false),  -- T3
    (date '2024-05-01', 'HOLIDAY', 'Ngày Quốc tế Lao động (1/5)', false),  -- T4
    (date '2024-05-04', 'WORKING_DAY', 'Làm bù cho thứ Hai 29/4/2024', false),  -- T7
    (date '2024-09-02', 'HOLIDAY', 'Quốc khánh (2/9)', false),  -- T2
    (date '2024-09-03', 'HOLIDAY', 'Quốc khánh (ngày liền kề sau 2/9)', false),  -- T3
    -- 2025
    (date '2025-01-01', 'HOLIDAY', 'Tết Dương lịch', false),  -- T4
    (date '2025-01-27', 'HOLIDAY', 'Tết Nguyên đán Ất Tỵ (28 tháng Chạp)', false),  -- T2
    (date '2025-01-28', 'HOLIDAY', 'Tết Nguyên đán Ất Tỵ (29 tháng Chạp)', false),  -- T3
    (date '2025-01-29', 'HOLIDAY', 'Tết Nguyên đán Ất Tỵ (mùng 1 tháng Giêng)', false),  -- T4
    (date '2025-01-30', 'HOLIDAY', 'Tết Nguyên đán Ất Tỵ (mùng 2 tháng Giêng)', false),  -- T5
    (date '2025-01-31', 'HOLIDAY', 'Tết Nguyên đán Ất Tỵ (mùng 3 tháng Giêng)', false),  -- T6
    (date '2025-04-07', 'HOLIDAY', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', false),  -- T2
    (date '2025-04-26', 'WORKING_DAY', 'Làm bù cho thứ Sáu 2/5/2025', false),  -- T7
    (date '2025-04-30', 'HOLIDAY', 'Ngày Chiến thắng (30/4)', false),  -- T4
    (date '2025-05-01', 'HOLIDAY', 'Ngày Quốc tế Lao động (1/5)', false),  -- T5
    (date '2025-05-02', 'HOLIDAY', 'Nghỉ hoán đổi (làm bù thứ Bảy 26/4/2025)', false),  -- T6
    (date '2025-09-01', 'HOLIDAY', 'Quốc khánh (ngày liền kề trước 2/9)', false),  -- T2
    (date '2025-09-02', 'HOLIDAY', 'Quốc khánh (2/9)', false),  -- T3
    -- 2026
    (date '2026-01-01', 'HOLIDAY', 'Tết Dương lịch', false),  -- T5
    (date '2026-01-02', 'HOLIDAY', 'Nghỉ hoán đổi (làm bù thứ Bảy 10/1/2026)', false),  -- T6
    (date '2026-01-10', 'WORKING_DAY', 'Làm bù cho thứ Sáu 2/1/2026', false),  -- T7
    (date '2026-02-16', 'HOLIDAY', 'Tết Nguyên đán Bính Ngọ (29 tháng Chạp)', false),  -- T2
    (date '2026-02-17', 'HOLIDAY', 'Tết Nguyên đán Bính Ngọ (mùng 1 tháng Giêng)', false),  -- T3
    (date '2026-02-18', 'HOLIDAY', 'Tết Nguyên đán Bính Ngọ (mùng 2 tháng Giêng)', false),  -- T4
    (date '2026-02-19', 'HOLIDAY', 'Tết Nguyên đán Bính Ngọ (mùng 3 tháng Giêng)', false),  -- T5
    (date '2026-02-20', 'HOLIDAY', 'Tết Nguyên đán Bính Ngọ (mùng 4 tháng Giêng)', false),  -- T6
    (date '2026-04-26', 'HOLIDAY', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', false),  -- CN
    (date '2026-04-27', 'HOLIDAY', 'Nghỉ bù Giỗ Tổ Hùng Vương (trùng Chủ nhật)', false),  -- T2
    (date '2026-04-30', 'HOLIDAY', 'Ngày Chiến thắng (30/4)', false),  -- T5
    (date '2026-05-01', 'HOLIDAY', 'Ngày Quốc tế Lao động (1/5)', false),  -- T6
    (date '2026-08-22', 'WORKING_DAY', 'Làm bù cho thứ Hai 31/8/2026', false),  -- T7
    (date '2026-08-31', 'HOLIDAY', 'Nghỉ hoán đổi (làm bù thứ Bảy 22/8/2026)', false),  -- T2
    (date '2026-09-01', 'HOLIDAY', 'Quốc khánh (ngày liền kề trước 2/9)', false),  -- T3
    (date '2026-09-02', 'HOLIDAY', 'Quốc khánh (2/9)', false),  -- T4
    -- 2027
    (date '2027-01-01', 'HOLIDAY', 'Tết Dương lịch', true),  -- T6
    (date '2027-02-04', 'HOLIDAY', 'Tết Nguyên đán Đinh Mùi (28 tháng Chạp)', true),  -- T5
    (date '2027-02-05', 'HOLIDAY', 'Tết Nguyên đán Đinh Mùi (29 tháng Chạp)', true),  -- T6
    (date '2027-02-06', 'HOLIDAY', 'Tết Nguyên đán Đinh Mùi (mùng 1 tháng Giêng)', true),  -- T7
    (date '2027-02-07', 'HOLIDAY', 'Tết Nguyên đán Đinh Mùi (mùng 2 tháng Giêng)', true),  -- CN
    (date '2027-02-08', 'HOLIDAY', 'Tết Nguyên đán Đinh Mùi (mùng 3 tháng Giêng)', true),  -- T2
    (date '2027-02-09', 'HOLIDAY', 'Tết Nguyên đán Đinh Mùi (mùng 4 tháng Giêng)', true),  -- T3
    (date '2027-02-10', 'HOLIDAY', 'Tết Nguyên đán Đinh Mùi (mùng 5 tháng Giêng)', true),  -- T4
    (date '2027-04-16', 'HOLIDAY', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', true),  -- T6
    (date '2027-04-30', 'HOLIDAY', 'Ngày Chiến thắng (30/4)', true),  -- T6
    (date '2027-05-01', 'HOLIDAY', 'Ngày Quốc tế Lao động (1/5)', true),  -- T7
    (date '2027-05-03', 'HOLIDAY', 'Nghỉ bù Ngày Quốc tế Lao động (1/5 trùng thứ Bảy)', true),  -- T2
    (date '2027-09-02', 'HOLIDAY', 'Quốc khánh (2/9)', true),  -- T5
    (date '2027-09-03', 'HOLIDAY', 'Quốc khánh (ngày liền kề sau 2/9)', true);  -- T6
