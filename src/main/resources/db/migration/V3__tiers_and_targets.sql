insert into tier_period (tier, valid_from, valid_to) values
    ('PROVINCE', date '2021-01-01', null),
    ('DISTRICT', date '2021-01-01', date '2025-06-30'),
    ('COMMUNE',  date '2021-01-01', null);

insert into online_target (tier, valid_from, valid_to, target, programme) values
    ('PROVINCE', date '2021-01-01', date '2025-06-30', 0.90,
     'Hải Dương: Chuyển đổi số giai đoạn 2021–2025, định hướng đến năm 2030 (26/3/2021)'),
    ('DISTRICT', date '2021-01-01', date '2025-06-30', 0.80,
     'Hải Dương: Chuyển đổi số giai đoạn 2021–2025, định hướng đến năm 2030 (26/3/2021)'),
    ('COMMUNE',  date '2021-01-01', date '2025-06-30', 0.70,
     'Hải Dương: Chuyển đổi số giai đoạn 2021–2025, định hướng đến năm 2030 (26/3/2021)'),
    ('PROVINCE', date '2025-07-01', date '2027-12-31', 1.00, 'Quyết định 2629/QĐ-TTg (1/12/2025), 2025–2027'),
    ('COMMUNE',  date '2025-07-01', date '2027-12-31', 1.00, 'Quyết định 2629/QĐ-TTg (1/12/2025), 2025–2027');
