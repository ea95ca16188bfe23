"""A realistic demo vault: one Vietnamese trainee's three years in Aichi (invented people and firms).

Deterministic (fixed seed) so screenshots, tests and benchmarks see the same record.
"""

from __future__ import annotations

import datetime as dt
import io
import random
import struct
import zlib
from decimal import Decimal

from handbook_app.core import records as r
from handbook_app.core.money import Money
from handbook_app.services.handbook import Handbook

TRAINEE = r.Actor("trainee", "Nguyễn Văn Minh", "")
SUPPORT = r.Actor("support", "Trần Thị Lan", "Hội hỗ trợ thực tập sinh Nagoya")
AICHI = 23

# Aichi's minimum wage: 1,027 yen from 2023-10-01, 1,077 from 2024-10-01, 1,140 from 2025-10-18.
# The employer kept paying 1,027 until March 2025: those months fall under the minimum.
_HOURLY = [
    (dt.date(2023, 10, 1), 1027),
    (dt.date(2024, 10, 1), 1027),
    (dt.date(2025, 4, 1), 1077),
    (dt.date(2025, 11, 1), 1140),
]


def _hourly_for(month: dt.date) -> int:
    rate = _HOURLY[0][1]
    for since, value in _HOURLY:
        if month >= since:
            rate = value
    return rate


def png_bytes(width: int, height: int, rgb: tuple[int, int, int], stripe: tuple[int, int, int]) -> bytes:
    """A small striped PNG, made without any image library (demo photos)."""
    rows = b""
    for y in range(height):
        colour = stripe if (y // 8) % 2 else rgb
        rows += b"\x00" + bytes(colour) * width
    def chunk(tag: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF)
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


def _months(start: dt.date, count: int) -> list[dt.date]:
    out = []
    y, m = start.year, start.month
    for _ in range(count):
        out.append(dt.date(y, m, 1))
        m += 1
        if m > 12:
            y, m = y + 1, 1
    return out


INCIDENTS = [
    (dt.date(2023, 11, 20), "documents_withheld", "Công ty giữ hộ chiếu",
     "Ngày thứ hai đi làm, ông Suzuki (trưởng bộ phận) thu hộ chiếu của cả nhóm 4 người, nói là 'giữ hộ cho an toàn'. "
     "Tôi xin lại nhưng ông ấy nói phải hỏi nghiệp đoàn.",
     "入社2日目、鈴木課長が「安全のため預かる」と言って、4人全員のパスポートを回収しました。返してほしいと頼みましたが、"
     "組合に聞かないといけないと言われました。", "resolved", "Đã báo cho nghiệp đoàn ngày 2023-12-05; hộ chiếu được trả lại ngày 2023-12-12."),
    (dt.date(2024, 2, 14), "excessive_hours", "Làm thêm giờ quá nhiều tháng 2",
     "Tháng 2 làm thêm hơn 70 giờ, có tuần làm cả chủ nhật. Không được hỏi ý kiến.", "", "closed", ""),
    (dt.date(2024, 6, 3), "safety_injury", "Bị thương ở tay khi vận hành máy ép",
     "Máy ép ở dây chuyền số 3 không có tấm chắn. Ngón tay trái bị kẹp, phải khâu 5 mũi ở bệnh viện Toyota Kosei. "
     "Công ty bảo tôi tự trả tiền viện phí và không báo rōsai.",
     "3番ラインのプレス機に安全カバーがありませんでした。左手の指を挟み、トヨタ厚生病院で5針縫いました。"
     "会社からは治療費を自分で払うように言われ、労災の手続きをしてもらえませんでした。", "reported",
     "Đã gọi đường dây tiếng Việt của OTIT ngày 2024-06-10."),
    (dt.date(2024, 9, 10), "harassment", "Bị quát mắng, chửi trước mặt mọi người",
     "Anh Tanaka thường xuyên quát 'baka', đá vào thùng hàng cạnh tôi. Chị Hoa (cùng phòng) chứng kiến.", "", "open", ""),
    (dt.date(2024, 11, 25), "unpaid_wages", "Lương giờ không tăng theo lương tối thiểu mới",
     "Từ tháng 10/2024 lương tối thiểu Aichi là 1.077 yên/giờ nhưng công ty vẫn trả 1.027 yên/giờ.",
     "2024年10月から愛知県の最低賃金は時給1,077円ですが、会社は時給1,027円のまま支払っています。", "reported",
     "Hội hỗ trợ đã cùng tôi làm đơn gửi Cục giám sát tiêu chuẩn lao động Toyota."),
    (dt.date(2025, 1, 8), "housing", "Tiền nhà bị trừ cao hơn hợp đồng",
     "Hợp đồng ghi tiền nhà 20.000 yên, nhưng phiếu lương trừ 28.000 yên. Phòng 6 chiếu ở 3 người.", "", "open", ""),
    (dt.date(2025, 7, 19), "threats", "Bị dọa cho về nước",
     "Sau khi tôi hỏi về tiền lương thiếu, nghiệp đoàn nói nếu tiếp tục 'gây chuyện' sẽ cho về nước sớm.",
     "未払い賃金について質問した後、組合から「これ以上問題を起こすなら早期帰国させる」と言われました。", "open", ""),
    (dt.date(2026, 3, 2), "contract_substitution", "Hợp đồng ở Nhật khác hợp đồng ký ở Việt Nam",
     "Hợp đồng ký ở Hà Nội ghi 'lắp ráp linh kiện ô tô', nhưng thực tế tôi phải làm đóng gói và bốc xếp.", "", "open", ""),
]


# When each closed or reported incident ended, as its own text and the payslips tell it (open ones have no end):
# the passport came back on 2023-12-12; the long overtime was February's (March's payslip is ordinary); the
# minimum-wage shortfall lasted until the April 2025 raise (1,027 yen an hour is paid through March 2025).
# Nothing dates the end of the injury's aftermath: it keeps the three weeks it always had.
INCIDENT_ENDS = {
    dt.date(2023, 11, 20): dt.date(2023, 12, 12),
    dt.date(2024, 2, 14): dt.date(2024, 2, 29),
    dt.date(2024, 6, 3): dt.date(2024, 6, 23),
    dt.date(2024, 11, 25): dt.date(2025, 3, 31),
}


def build_demo(handbook: Handbook) -> None:
    """Fill an empty vault with the demo record (one transaction per record, as the app writes them)."""
    rng = random.Random(20231001)
    hb = handbook
    hb.set_actor(TRAINEE)
    hb.save_profile(r.Profile(display_name="Minh", full_name="Nguyễn Văn Minh", birth_date=dt.date(2001, 5, 14),
                              home_province="Nghệ An", languages="vi,ja", phone="080-0000-0000"))
    contract = hb.add(r.Contract(
        employer="株式会社ヤマダ精工 (Yamada Seikō)", employer_address="愛知県豊田市本町1-2-3",
        supervising_org="東海国際協同組合 (Tōkai Kokusai)",
        sending_org="Công ty CP Nhân lực Quốc tế Hà Thành", job_category="Lắp ráp linh kiện ô tô / 自動車部品組立",
        prefecture=AICHI, start=dt.date(2023, 10, 1), end=dt.date(2026, 12, 31), residence_status="技能実習2号ロ",
        stay_expiry=dt.date(2027, 1, 20), wage_kind="hourly", wage=Money(1027, "JPY"),
        hours_per_month=Decimal("160"), housing=Money(20000, "JPY"), utilities=Money(5000, "JPY"),
        meals=Money(0, "JPY"), other_deductions=Money(0, "JPY"),
        notes="Hợp đồng ký tại Hà Nội ngày 2023-05-10.",
    )).record
    bank = hb.add(r.Loan(
        lender_kind="bank", lender="Agribank – chi nhánh Diễn Châu, Nghệ An",
        purpose="Vay để trả phí cho công ty phái cử", principal=Money(190_000_000, "VND"),
        start=dt.date(2023, 7, 15), interest_model="declining", monthly_rate=Decimal("0.008"), term_months=36,
        guarantor="Nguyễn Văn Hải (bố)", collateral="Sổ đỏ đất ở của gia đình",
    )).record
    family = hb.add(r.Loan(
        lender_kind="relative", lender="Bác Hùng", purpose="Tiền vé máy bay và chi tiêu lúc đầu",
        principal=Money(50_000_000, "VND"), start=dt.date(2023, 9, 20), interest_model="none",
    )).record
    for item, amount, receipt in (
        ("service_fee", 95_000_000, True), ("training", 12_000_000, True), ("deposit", 60_000_000, False),
        ("medical", 1_500_000, True), ("documents", 4_000_000, False), ("travel", 8_500_000, True),
    ):
        hb.add(r.RecruitmentFee(date=dt.date(2023, 6, 1), item=item, amount=Money(amount, "VND"),
                                paid_to="Công ty CP Nhân lực Quốc tế Hà Thành", receipt=receipt, loan_id=bank.id))
    payslips = []
    for index, month in enumerate(_months(dt.date(2023, 10, 1), 36)):
        hb.set_actor(SUPPORT if index % 5 == 0 else TRAINEE)
        rate = _hourly_for(month)
        regular = Decimal(rng.choice([152, 160, 160, 168]))
        overtime = Decimal(rng.choice([12, 20, 28, 36, 44])) if month.month != 2 or month.year != 2024 else Decimal(72)
        night = Decimal(rng.choice([0, 0, 8, 16]))
        base = int(rate * regular)
        ot_pay = int(Decimal(rate) * Decimal("1.25") * overtime)
        night_pay = int(Decimal(rate) * Decimal("0.25") * night)
        gross = base + ot_pay + night_pay
        housing = 28000 if month >= dt.date(2025, 1, 1) else 20000
        deductions = {
            "income_tax": gross * 3 // 100, "resident_tax": 0 if month.year == 2023 else 6500,
            "social_insurance": gross * 15 // 100, "employment_insurance": gross * 6 // 1000,
            "housing": housing, "utilities": 5000,
        }
        net = gross - sum(deductions.values())
        payslips.append(hb.add(r.Payslip(
            month=month, contract_id=contract.id, regular_hours=regular, overtime_hours=overtime,
            late_night_hours=night, base_pay=Money(base, "JPY"), overtime_pay=Money(ot_pay, "JPY"),
            late_night_pay=Money(night_pay, "JPY"), gross=Money(gross, "JPY"), deductions=deductions,
            net=Money(net, "JPY"), paid_on=_months(month, 2)[1].replace(day=25),
        )).record)
    hb.set_actor(TRAINEE)
    for index, month in enumerate(_months(dt.date(2023, 11, 1), 36)):
        day = month.replace(day=27)
        if day > dt.date(2026, 11, 27):
            break
        sent = rng.choice([80_000, 90_000, 100_000, 100_000, 110_000])
        fee = 1_500 if index % 3 else 2_000
        rate = Decimal(str(rng.choice([163.8, 166.2, 168.5, 170.1, 172.4, 175.0])))
        received = int((Decimal(sent - fee) * rate).quantize(Decimal(1000)))
        rem = hb.add(r.Remittance(
            date=day, sent=Money(sent, "JPY"), fee=Money(fee, "JPY"), received=Money(received, "VND"),
            channel="app" if index % 4 else "bank", provider="DCOM" if index % 4 else "Yucho Bank",
            recipient="Nguyễn Văn Hải (bố)", purpose="Trả nợ ngân hàng và chi tiêu gia đình",
        )).record
        if index < 30:
            hb.add(r.Repayment(loan_id=bank.id, date=day.replace(day=28), paid=Money(6_500_000, "VND"),
                               remittance_id=rem.id, notes="Bố trả tại ngân hàng"))
        if index % 6 == 5:
            hb.add(r.Repayment(loan_id=family.id, date=day.replace(day=28), paid=Money(5_000_000, "VND"),
                               remittance_id=rem.id))
    # One repayment sent straight from Japan in yen, converted at the recorded rate.
    hb.add(r.Repayment(loan_id=bank.id, date=dt.date(2025, 12, 30), paid=Money(60_000, "JPY"),
                       rate=Decimal("171.35"), notes="Chuyển thẳng từ Nhật bằng yên"))
    colours = [((200, 60, 50), (240, 220, 200)), ((40, 90, 160), (220, 230, 250)), ((60, 140, 70), (230, 245, 220))]
    for index, (started, category, title, description, translation, status, actions) in enumerate(INCIDENTS):
        hb.set_actor(SUPPORT if translation else TRAINEE)
        incident = hb.add(r.Incident(
            started=started, ended=None if status == "open" else INCIDENT_ENDS[started],
            place="Nhà máy Yamada Seikō, Toyota-shi" if category != "housing" else "Ký túc xá, Toyota-shi",
            category=category, title=title, people="鈴木課長 (Suzuki)" if index == 0 else "",
            witnesses="Lê Thị Hoa" if category == "harassment" else "", description=description,
            description_lang="vi", translation=translation, translation_lang="ja" if translation else "",
            actions=actions, status=status, contract_id=contract.id,
            payslip_month=dt.date(2024, 11, 1) if category == "unpaid_wages" else None,
        )).record
        if index in (0, 2, 4, 5):
            main, stripe = colours[index % len(colours)]
            data = png_bytes(96, 64, main, stripe)
            hb.add_attachment(incident, io.BytesIO(data), f"anh-{index + 1}.png", "image/png", total=len(data),
                              captured=started)
    hb.set_actor(TRAINEE)
    slip = payslips[13]
    data = png_bytes(64, 96, (250, 250, 250), (120, 120, 120))
    hb.add_attachment(slip, io.BytesIO(data), "phieu-luong-2024-11.png", "image/png", total=len(data))
    hb.add(r.Reminder(kind="custom", due=dt.date(2026, 12, 10), title="Gia hạn thẻ ngoại kiều / 在留カード更新"))
