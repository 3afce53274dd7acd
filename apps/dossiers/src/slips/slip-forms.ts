import type { SlipData, SlipLayout, SlipLine } from './slip.types';
import { viLongDate, viTimeAndDate } from '@motcua/vietnamese';
import { timeLimitLabelVi } from '@motcua/calendar';

/**
 * The wording of forms 01-04 of Circular 01/2018/TT-VPCP, filled from the dossier. Fields the
 * dossier database does not hold (address, phone, e-mail, book volume) are left out.
 */
export function slipLayout(data: SlipData): SlipLayout {
  const common = {
    header: {
      left: [data.agencyName.toUpperCase(), data.receivingUnit],
      right: ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'],
    },
    dateLine: capitalise(viLongDate(data.issuedAt)),
    qr: { url: data.qrUrl, caption: `Tra cứu hồ sơ: ${data.printedUrl}` },
  };
  switch (data.kind) {
    case 'receipt':
      return { ...common, ...receipt(data) };
    case 'supplement':
      return { ...common, ...supplement(data) };
    case 'refusal':
      return { ...common, ...refusal(data) };
    case 'apology':
      return { ...common, ...apology(data) };
  }
}

type Body = Pick<SlipLayout, 'title' | 'subtitle' | 'lines' | 'signatures'>;

const signature = (title: string) => ({ title, note: '(Ký và ghi rõ họ tên)' });
const item = (text: string): SlipLine => ({ text: `- ${text}`, indent: 1 });
const numbered = (texts: string[]): SlipLine[] => texts.map((t, i) => ({ text: `${i + 1}. ${t}`, indent: 1 }));

function applicant(data: SlipData): SlipLine[] {
  return [
    { text: `Ông/Bà: ${data.applicantName}`, bold: true },
    ...(data.organisationName ? [{ text: `Tổ chức: ${data.organisationName}` }] : []),
    { text: `Số định danh cá nhân: ${data.maskedIdentifier}` },
    { text: `Nội dung yêu cầu giải quyết: ${data.procedureName}` },
  ];
}

export function timeLimitText(limit: SlipData['timeLimit']): string {
  return timeLimitLabelVi(limit);
}

function receipt(data: SlipData): Body {
  const due = data.appointmentAt ? viTimeAndDate(data.appointmentAt) : 'chưa xác định';
  return {
    title: 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
    subtitle: `Mã hồ sơ: ${data.code}`,
    lines: [
      { text: `${data.receivingUnit} - ${data.agencyName} tiếp nhận hồ sơ của:` },
      ...applicant(data),
      { text: '1. Thành phần hồ sơ nộp gồm:' },
      ...data.documents.map(item),
      { text: '2. Số lượng hồ sơ: 01 (bộ)' },
      { text: `3. Thời gian giải quyết hồ sơ theo quy định là: ${timeLimitText(data.timeLimit)}` },
      { text: `4. Thời gian nhận hồ sơ: ${viTimeAndDate(data.receivedAt)}` },
      { text: `5. Thời gian trả kết quả giải quyết hồ sơ: ${due}`, bold: true },
      { text: '6. Tra cứu tình trạng hồ sơ: quét mã QR dưới đây bằng điện thoại.' },
    ],
    signatures: [signature('NGƯỜI NỘP HỒ SƠ'), signature('NGƯỜI TIẾP NHẬN HỒ SƠ')],
  };
}

function supplement(data: SlipData): Body {
  return {
    title: 'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ',
    subtitle: `Mã hồ sơ: ${data.code}`,
    lines: [
      { text: `Hồ sơ nhận ${viTimeAndDate(data.receivedAt)} của:` },
      ...applicant(data),
      { text: 'Yêu cầu hoàn thiện hồ sơ gồm những nội dung sau:', bold: true },
      ...numbered(data.missing),
      { text: `Trong quá trình hoàn thiện hồ sơ, nếu có vướng mắc, Ông/Bà liên hệ ${data.receivingUnit} để được hướng dẫn.` },
    ],
    signatures: [signature('NGƯỜI HƯỚNG DẪN')],
  };
}

function refusal(data: SlipData): Body {
  return {
    title: 'PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ',
    subtitle: `Mã hồ sơ: ${data.code}`,
    lines: [
      { text: `${data.receivingUnit} - ${data.agencyName} tiếp nhận hồ sơ của:` },
      ...applicant(data),
      { text: 'Qua xem xét, cơ quan thông báo không tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:', bold: true },
      ...numbered(data.refusalReasons),
      { text: 'Xin thông báo cho Ông/Bà được biết và thực hiện./.' },
    ],
    signatures: [signature('NGƯỜI TIẾP NHẬN HỒ SƠ')],
  };
}

function apology(data: SlipData): Body {
  const a = data.apology!;
  return {
    title: 'PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ',
    subtitle: `Mã hồ sơ: ${data.code}`,
    lines: [
      { text: `${capitalise(viLongDate(data.receivedAt))}, ${data.agencyName} tiếp nhận giải quyết hồ sơ của:` },
      ...applicant(data),
      { text: `Thời gian hẹn trả kết quả giải quyết hồ sơ: ${viTimeAndDate(a.previousDueAt)}` },
      { text: `Tuy nhiên đến nay, ${data.agencyName} chưa trả kết quả giải quyết hồ sơ của Ông/Bà đúng thời hạn ghi trên Giấy tiếp nhận hồ sơ và hẹn trả kết quả.` },
      { text: `Lý do: ${a.reason}` },
      { text: `Sự chậm trễ này đã gây phiền hà cho Ông/Bà. ${data.agencyName} xin lỗi Ông/Bà và sẽ trả kết quả giải quyết hồ sơ cho Ông/Bà vào ${viLongDate(a.newDueAt)}.`, bold: true },
      { text: 'Xin trân trọng cảm ơn sự hợp tác của Ông/Bà./.' },
    ],
    signatures: [signature(`THỦ TRƯỞNG ${data.agencyName.toUpperCase()}`)],
  };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
