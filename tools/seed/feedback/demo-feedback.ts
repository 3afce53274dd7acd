/** Target state of a demo item; `published_rated` is published and rated by its sender. */
export type DemoTarget =
  | 'received'
  | 'refused'
  | 'to_forward'
  | 'forwarded'
  | 'accepted'
  | 'assigned'
  | 'info_requested'
  | 'answered'
  | 'approved'
  | 'published'
  | 'published_rated';

export type DemoFeedback = {
  /** Unique, marked as demo data; the seed finds an item again by it (idempotence). */
  title: string;
  target: DemoTarget;
  channel: 'written' | 'phone' | 'in_person' | 'online';
  senderType: 'citizen' | 'business' | 'state_body' | 'organisation';
  contact?: { name?: string; phone?: string; email?: string; address?: string };
  subject:
    | { kind: 'procedure'; procedureCode: string }
    | { kind: 'regulation'; regulation: string }
    | { kind: 'conduct'; unit: string };
  content: string;
  /** Handling unit (phòng) for items that get that far. */
  unit: string;
  answer?: string;
};

const DEMO = '[Dữ liệu mẫu]';

/** A plausible set across the five review domains of the Department of Finance, in every state. */
export const DEMO_FEEDBACK: DemoFeedback[] = [
  // Quản lý giá (QLG)
  {
    title: `${DEMO} Đề nghị rút ngắn thời hạn đăng ký giá`,
    target: 'published_rated',
    channel: 'online',
    senderType: 'business',
    contact: { name: 'Công ty TNHH Thực phẩm Hùng Vương', email: 'phaply@hungvuong.example.vn' },
    subject: { kind: 'procedure', procedureCode: '1.005432' },
    content:
      'Thời hạn 5 ngày làm việc để tiếp nhận Biểu mẫu đăng ký giá là dài so với yêu cầu kinh doanh; đề nghị rút ngắn còn 3 ngày và cho phép nộp hoàn toàn trực tuyến.',
    unit: 'P.QLG',
    answer:
      'Sở Tài chính tiếp thu kiến nghị; đã đề xuất UBND tỉnh rút ngắn thời hạn còn 3 ngày làm việc trong phương án đơn giản hóa năm 2026.',
  },
  {
    title: `${DEMO} Mẫu kê khai giá yêu cầu thông tin trùng lặp`,
    target: 'published',
    channel: 'written',
    senderType: 'business',
    contact: { name: 'Công ty CP Vận tải Phú Thọ', address: 'Số 12 đường Hùng Vương, TP Việt Trì' },
    subject: { kind: 'procedure', procedureCode: '1.005433' },
    content:
      'Văn bản kê khai giá yêu cầu kê khai lại thông tin doanh nghiệp đã có trong Cơ sở dữ liệu quốc gia về đăng ký doanh nghiệp.',
    unit: 'P.QLG',
    answer:
      'Từ quý III/2026, thông tin doanh nghiệp được tự động lấy từ Cơ sở dữ liệu quốc gia; doanh nghiệp không phải kê khai lại.',
  },
  {
    title: `${DEMO} Hỏi về hồ sơ quyết định giá nước sạch`,
    target: 'answered',
    channel: 'phone',
    senderType: 'citizen',
    contact: { name: 'Nguyễn Văn Minh', phone: '0912000101' },
    subject: { kind: 'procedure', procedureCode: '1.005434' },
    content:
      'Người dân hỏi vì sao phương án giá nước sạch chưa được công khai lấy ý kiến trước khi quyết định.',
    unit: 'P.QLG',
    answer:
      'Phương án giá nước sạch đã được đăng tải trên Cổng thông tin điện tử của Sở để lấy ý kiến trong 30 ngày.',
  },
  {
    title: `${DEMO} Phản ánh thái độ cán bộ tiếp nhận hồ sơ kê khai giá`,
    target: 'assigned',
    channel: 'in_person',
    senderType: 'citizen',
    contact: { name: 'Lê Thị Hoa', phone: '0912000102' },
    subject: { kind: 'conduct', unit: 'Bộ phận một cửa Sở Tài chính' },
    content:
      'Cán bộ tiếp nhận yêu cầu nộp thêm giấy tờ không có trong thành phần hồ sơ đã công bố.',
    unit: 'VP',
  },
  // Quản lý công sản (QLCS)
  {
    title: `${DEMO} Thủ tục mua sắm tài sản công còn nhiều bước trung gian`,
    target: 'approved',
    channel: 'written',
    senderType: 'state_body',
    contact: { name: 'Trường THPT Thanh Sơn', address: 'Huyện Thanh Sơn, tỉnh Phú Thọ' },
    subject: { kind: 'procedure', procedureCode: '1.005435' },
    content:
      'Đơn vị sự nghiệp phải xin ý kiến nhiều lần cho cùng một danh mục tài sản; đề nghị gộp bước thẩm định và phê duyệt.',
    unit: 'P.QLCS-TCDN',
    answer:
      'Sở Tài chính sẽ trình gộp bước thẩm định và phê duyệt danh mục tài sản có giá trị dưới 500 triệu đồng.',
  },
  {
    title: `${DEMO} Đề nghị hướng dẫn thanh lý máy tính hư hỏng`,
    target: 'info_requested',
    channel: 'online',
    senderType: 'state_body',
    contact: { name: 'UBND xã Tân Phú', email: 'vanphong@tanphu.example.vn' },
    subject: { kind: 'procedure', procedureCode: '1.005436' },
    content:
      'Xã có 12 máy tính hư hỏng không sửa được; đề nghị hướng dẫn hồ sơ thanh lý cho tài sản giá trị nhỏ.',
    unit: 'P.QLCS-TCDN',
  },
  {
    title: `${DEMO} Phản ánh về đất công bị lấn chiếm`,
    target: 'forwarded',
    channel: 'phone',
    senderType: 'citizen',
    contact: { name: 'Phạm Văn Sơn', phone: '0912000103' },
    subject: { kind: 'regulation', regulation: 'Luật Đất đai 2024' },
    content:
      'Khu đất công cạnh trường tiểu học bị lấn chiếm làm bãi xe; đề nghị cơ quan có thẩm quyền xử lý.',
    unit: 'P.QLCS-TCDN',
  },
  // Tài chính ngân sách (TCNS)
  {
    title: `${DEMO} Chi phí thẩm tra quyết toán dự án nhóm B quá cao`,
    target: 'published',
    channel: 'online',
    senderType: 'organisation',
    contact: { name: 'Ban QLDA xây dựng huyện Tam Nông', email: 'bqlda@tamnong.example.vn' },
    subject: { kind: 'procedure', procedureCode: '1.009410' },
    content:
      'Chi phí thẩm tra, phê duyệt quyết toán 45 triệu đồng là cao so với quy mô dự án; đề nghị xem xét định mức.',
    unit: 'P.QLNS',
    answer:
      'Định mức chi phí thẩm tra theo Thông tư của Bộ Tài chính; Sở đã kiến nghị Bộ điều chỉnh cho dự án quy mô nhỏ.',
  },
  {
    title: `${DEMO} Kiến nghị số hóa báo cáo quyết toán ngân sách năm`,
    target: 'accepted',
    channel: 'written',
    senderType: 'state_body',
    contact: { name: 'Sở Giáo dục và Đào tạo', address: 'TP Việt Trì' },
    subject: { kind: 'procedure', procedureCode: '1.009413' },
    content:
      'Đề nghị cho phép nộp báo cáo quyết toán ngân sách năm bằng bản điện tử có chữ ký số thay cho bản giấy.',
    unit: 'P.QLNS',
  },
  {
    title: `${DEMO} Hỏi về thời hạn thẩm định dự toán`,
    target: 'received',
    channel: 'online',
    senderType: 'citizen',
    contact: { name: 'Hoàng Thị Lan', email: 'lan.hoang@example.vn' },
    subject: { kind: 'procedure', procedureCode: '1.009412' },
    content: 'Thời hạn 15 ngày thẩm định dự toán được tính từ ngày nộp hay từ ngày hồ sơ đầy đủ?',
    unit: 'P.QLNS',
  },
  // Tài chính doanh nghiệp (TCDN)
  {
    title: `${DEMO} Đề nghị công khai tiến độ thẩm định cổ phần hóa`,
    target: 'to_forward',
    channel: 'written',
    senderType: 'business',
    contact: { name: 'Công ty TNHH MTV Lâm nghiệp Xuân Sơn', address: 'Huyện Tân Sơn' },
    subject: { kind: 'procedure', procedureCode: '2.001020' },
    content:
      'Đề nghị được biết tiến độ thẩm định phương án cổ phần hóa; một phần nội dung thuộc thẩm quyền Sở Kế hoạch và Đầu tư.',
    unit: 'P.QLCS-TCDN',
  },
  {
    title: `${DEMO} Quảng cáo dịch vụ không liên quan`,
    target: 'refused',
    channel: 'online',
    senderType: 'citizen',
    subject: { kind: 'regulation', regulation: 'Không xác định' },
    content: 'Nội dung quảng cáo dịch vụ, không phải phản ánh, kiến nghị về quy định hành chính.',
    unit: 'VP',
  },
  {
    title: `${DEMO} Kế hoạch tài chính doanh nghiệp nhà nước nộp hai lần`,
    target: 'answered',
    channel: 'online',
    senderType: 'business',
    contact: {
      name: 'Công ty TNHH MTV Xổ số kiến thiết Phú Thọ',
      email: 'taichinh@xoso.example.vn',
    },
    subject: { kind: 'procedure', procedureCode: '2.001021' },
    content:
      'Doanh nghiệp phải nộp kế hoạch tài chính cho cả Sở Tài chính và cơ quan đại diện chủ sở hữu; đề nghị liên thông một đầu mối.',
    unit: 'P.QLCS-TCDN',
    answer:
      'Sở Tài chính sẽ tiếp nhận một bộ hồ sơ và chuyển liên thông cho cơ quan đại diện chủ sở hữu.',
  },
  // Tin học thống kê tài chính (THTK)
  {
    title: `${DEMO} Cấp mã số đơn vị quan hệ ngân sách chậm`,
    target: 'published_rated',
    channel: 'online',
    senderType: 'state_body',
    contact: { name: 'Trạm Y tế xã Hương Nộn', email: 'tramyte@huongnon.example.vn' },
    subject: { kind: 'procedure', procedureCode: '1.009401' },
    content:
      'Đơn vị nộp hồ sơ trực tuyến đã 4 ngày chưa nhận được mã số đơn vị có quan hệ với ngân sách.',
    unit: 'P.QLNS',
    answer:
      'Hồ sơ bị chậm do lỗi kết nối với hệ thống của Bộ Tài chính; mã số đã được cấp, Sở xin lỗi đơn vị.',
  },
  {
    title: `${DEMO} Biểu mẫu 06-MSNS-BTC khó điền`,
    target: 'assigned',
    channel: 'phone',
    senderType: 'organisation',
    contact: { name: 'Hội Chữ thập đỏ huyện Lâm Thao', phone: '0912000104' },
    subject: { kind: 'procedure', procedureCode: '1.009404' },
    content:
      'Biểu mẫu thông báo thay đổi thông tin mã số có nhiều chỉ tiêu không rõ nghĩa; đề nghị có hướng dẫn điền mẫu.',
    unit: 'P.QLNS',
  },
];
