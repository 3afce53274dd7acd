/** The dashboard page (Vietnamese), served by GET /dashboard. Scripts and styles come from the same origin. */
export const DASHBOARD_HTML = String.raw`<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Bảng điều khiển một cửa - Báo cáo trực tuyến</title>
<link rel="stylesheet" href="/dashboard/dashboard.css">
</head>
<body>
<header>
  <h1>Bảng điều khiển giải quyết thủ tục hành chính</h1>
  <p class="sub">Số liệu tổng hợp từ sự kiện, cập nhật trực tiếp <span id="live" class="live off" title="Kết nối trực tiếp">● <span id="live-text">đang kết nối</span></span></p>
</header>
<form id="filters" class="filters">
  <label>Cơ quan <input id="f-agency" name="agency" list="agencies" placeholder="Tất cả (vd. 000.00.15.H26)" autocomplete="off"></label>
  <datalist id="agencies"></datalist>
  <label>Lĩnh vực <input id="f-domain" name="domain" list="domains" placeholder="Tất cả" autocomplete="off"></label>
  <datalist id="domains"></datalist>
  <label>Kỳ báo cáo <select id="f-period" name="period">
    <option value="day">Ngày</option><option value="month" selected>Tháng</option>
    <option value="quarter">Quý</option><option value="year">Năm</option></select></label>
  <label>Ngày trong kỳ <input id="f-date" name="date" type="date"></label>
  <button id="f-apply" type="submit">Xem</button>
</form>
<p id="period-text" class="period"></p>
<main>
  <section class="cards" id="kpis"></section>
  <section class="panel wide">
    <h2>Chỉ số phục vụ người dân, doanh nghiệp (Quyết định 766/QĐ-TTg)</h2>
    <div id="index-766"></div>
  </section>
  <section class="panel wide">
    <h2>Tỷ lệ giải quyết đúng hạn theo thời gian</h2>
    <div id="chart-ontime" class="chart"></div>
  </section>
  <section class="panel">
    <h2>Hồ sơ theo trạng thái</h2>
    <div id="chart-status" class="chart"></div>
  </section>
  <section class="panel">
    <h2>Hồ sơ theo kênh tiếp nhận</h2>
    <div id="chart-channel" class="chart"></div>
  </section>
  <section class="panel">
    <h2>Số hóa và tái sử dụng</h2>
    <div id="digitization"></div>
  </section>
  <section class="panel">
    <h2>Phản ánh, kiến nghị</h2>
    <div id="feedback"></div>
  </section>
  <section class="panel wide">
    <h2>Hồ sơ liên thông: đang chờ tại cơ quan nào</h2>
    <div id="inter-agency"></div>
  </section>
  <section class="panel wide">
    <h2>Hồ sơ quá hạn</h2>
    <div id="overdue"></div>
  </section>
  <section class="panel wide">
    <h2>Tiến độ rà soát, đơn giản hóa TTHC</h2>
    <div id="campaigns"></div>
  </section>
</main>
<footer>Cỡ mẫu (n) và thời điểm sự kiện cuối cùng được ghi cạnh mỗi tỷ lệ. Dữ liệu xuất CSV: <a id="csv-link" href="/figures?format=csv">figures.csv</a></footer>
<script src="/dashboard/dashboard.js"></script>
</body>
</html>
`;
