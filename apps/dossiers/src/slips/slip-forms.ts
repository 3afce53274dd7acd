import type { SlipData, SlipLayout, SlipLine } from './slip.types';
import { viLongDate, viTimeAndDate } from '@motcua/vietnamese';
import { timeLimitLabelVi } from '@motcua/calendar';

/**
 * The wording of the desk's forms, filled from the dossier; number and title come from the form
 * edition in force on the dossier's date of receipt (form-editions.ts: Circular 01/2018 or
 * Circular 03/2025). Fields the dossier database does not hold (address, phone, e-mail, book
 * volume) are left out.
 */
export function slipLayout(data: SlipData): SlipLayout {
  const common = {
    header: {
      left: [data.agencyName.toUpperCase(), data.receivingUnit],
      right: [data.form.label, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'],
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
    case 'stop-notice':
      return { ...common, ...stopNotice(data) };
    case 'control-sheet':
      return { ...common, ...controlSheet(data) };
  }
}

type Body = Pick<SlipLayout, 'title' | 'subtitle' | 'lines' | 'signatures'>;

const signature = (title: string) => ({ title, note: '(Ký và ghi rõ họ tên)' });
const item = (text: string): SlipLine => ({ text: `- ${text}`, indent: 1 });
const numbered = (texts: string[]): SlipLine[] =>
  texts.map((t, i) => ({ text: `${i + 1}. ${t}`, indent: 1 }));

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
    title: data.form.title,
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
    title: data.form.title,
    subtitle: `Mã hồ sơ: ${data.code}`,
    lines: [
      { text: `Hồ sơ nhận ${viTimeAndDate(data.receivedAt)} của:` },
      ...applicant(data),
      { text: 'Yêu cầu hoàn thiện hồ sơ gồm những nội dung sau:', bold: true },
      ...numbered(data.missing),
      {
        text: `Trong quá trình hoàn thiện hồ sơ, nếu có vướng mắc, Ông/Bà liên hệ ${data.receivingUnit} để được hướng dẫn.`,
      },
    ],
    signatures: [signature('NGƯỜI HƯỚNG DẪN')],
  };
}

function refusal(data: SlipData): Body {
  return {
    title: data.form.title,
    subtitle: `Mã hồ sơ: ${data.code}`,
    lines: [
      { text: `${data.receivingUnit} - ${data.agencyName} tiếp nhận hồ sơ của:` },
      ...applicant(data),
      {
        text: 'Qua xem xét, cơ quan thông báo không tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:',
        bold: true,
      },
      ...numbered(data.refusalReasons),
      { text: 'Xin thông báo cho Ông/Bà được biết và thực hiện./.' },
    ],
    signatures: [signature('NGƯỜI TIẾP NHẬN HỒ SƠ')],
  };
}

function apology(data: SlipData): Body {
  const a = data.apology!;
  return {
    title: data.form.title,
    subtitle: `Mã hồ sơ: ${data.code}`,
    lines: [
      {
        text: `${capitalise(viLongDate(data.receivedAt))}, ${data.agencyName} tiếp nhận giải quyết hồ sơ của:`,
      },
      ...applicant(data),
      { text: `Thời gian hẹn trả kết quả giải quyết hồ sơ: ${viTimeAndDate(a.previousDueAt)}` },
      {
        text: `Tuy nhiên đến nay, ${data.agencyName} chưa trả kết quả giải quyết hồ sơ của Ông/Bà đúng thời hạn ghi trên Giấy tiếp nhận hồ sơ và hẹn trả kết quả.`,
      },
      { text: `Lý do: ${a.reason}` },
      {
        text: `Sự chậm trễ này đã gây phiền hà cho Ông/Bà. ${data.agencyName} xin lỗi Ông/Bà và sẽ trả kết quả giải quyết hồ sơ cho Ông/Bà vào ${viLongDate(a.newDueAt)}.`,
        bold: true,
      },
      { text: 'Xin trân trọng cảm ơn sự hợp tác của Ông/Bà./.' },
    ],
    signatures: [signature(`THỦ TRƯỞNG ${data.agencyName.toUpperCase()}`)],
  };
}

const REQUEST_CHANNEL_VI = {
  in_person: 'trực tiếp',
  postal: 'qua dịch vụ bưu chính',
  online: 'trực tuyến',
} as const;

/** Thông báo dừng giải quyết hồ sơ (Circular 03/2025 form 05): the applicant asked to stop before any decision or result notice. */
function stopNotice(data: SlipData): Body {
  const stop = data.stop!;
  return {
    title: data.form.title,
    subtitle: `Mã hồ sơ: ${data.code}${stop.noticeNumber ? ` - Số: ${stop.noticeNumber}` : ''}`,
    lines: [
      {
        text: `${capitalise(viLongDate(data.receivedAt))}, ${data.receivingUnit} - ${data.agencyName} tiếp nhận hồ sơ của:`,
      },
      ...applicant(data),
      {
        text: `${capitalise(viTimeAndDate(stop.requestedAt))}, Ông/Bà đề nghị dừng giải quyết hồ sơ (${REQUEST_CHANNEL_VI[stop.requestChannel]}).`,
      },
      { text: `Lý do: ${stop.reason}` },
      {
        text: 'Đến thời điểm đề nghị, hồ sơ chưa có quyết định hoặc thông báo kết quả giải quyết.',
      },
      {
        text: `${data.agencyName} thông báo dừng giải quyết hồ sơ nêu trên theo đề nghị của Ông/Bà.`,
        bold: true,
      },
    ],
    signatures: [signature('NGƯỜI TIẾP NHẬN HỒ SƠ')],
  };
}

/** Phiếu kiểm soát quá trình giải quyết hồ sơ: each step with its unit, when it got the dossier, its due and completion times. */
function controlSheet(data: SlipData): Body {
  const when = (instant: Date | null) => (instant ? viTimeAndDate(instant) : '…');
  return {
    title: data.form.title,
    subtitle: `Mã hồ sơ: ${data.code}`,
    lines: [
      ...applicant(data),
      { text: `Thời gian nhận hồ sơ: ${viTimeAndDate(data.receivedAt)}` },
      { text: `Hạn giải quyết theo quy định: ${when(data.legalDueAt)}` },
      ...(data.apology
        ? [{ text: `Ngày hẹn trả sau văn bản xin lỗi: ${viTimeAndDate(data.apology.newDueAt)}` }]
        : []),
      { text: 'Quá trình giải quyết:', bold: true },
      ...data.steps.flatMap((step): SlipLine[] => [
        { text: `${step.order}. ${step.name} - ${step.unitName}`, indent: 1 },
        {
          text: `Nhận: ${when(step.startedAt)}; hạn: ${viTimeAndDate(step.dueAt)}; hoàn thành: ${when(step.completedAt)}${stepVerdict(step)}`,
          indent: 2,
        },
      ]),
    ],
    signatures: [signature('NGƯỜI GIAO'), signature('NGƯỜI NHẬN')],
  };
}

function stepVerdict(step: SlipData['steps'][number]): string {
  if (!step.completedAt) return '';
  return step.completedAt.getTime() <= step.dueAt.getTime() ? ' (đúng hạn)' : ' (quá hạn)';
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
