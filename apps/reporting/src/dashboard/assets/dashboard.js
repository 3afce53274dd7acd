/**
 * The dashboard's browser script: plain ES2020, no bundler, no network but this service.
 * It reads the figures API, draws inline SVG charts, and re-reads when a server-sent event
 * says the projections changed. Served as a file by GET /dashboard/dashboard.js.
 */
'use strict';
(function () {
  var nf = new Intl.NumberFormat('vi-VN');
  var pf = new Intl.NumberFormat('vi-VN', { style: 'percent', maximumFractionDigits: 1 });
  var df = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });
  var $ = function (id) {
    return document.getElementById(id);
  };
  var STATUS = {
    received: 'Tiếp nhận',
    in_progress: 'Đang giải quyết',
    processed: 'Đã giải quyết',
    returned: 'Đã trả kết quả',
    withdrawn: 'Rút hồ sơ',
  };
  var CHANNEL = {
    received_in_person: 'Trực tiếp',
    received_online: 'Trực tuyến',
    received_postal: 'Bưu chính',
  };

  function esc(s) {
    return String(s == null ? '' : s).replace(/[&<>"']/g, function (c) {
      return '&#' + c.charCodeAt(0) + ';';
    });
  }
  function when(iso) {
    return iso
      ? new Date(iso).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' })
      : 'chưa có';
  }
  function day(iso) {
    var p = iso.split('-');
    return p[2] + '/' + p[1] + '/' + p[0];
  }
  function meta(f) {
    return (
      '<div class="meta">n = ' +
      nf.format(f.sampleSize) +
      ' · đến ' +
      esc(when(f.lastEventAt)) +
      '</div>'
    );
  }
  function show(f, unit) {
    if (f.value === null) return '<span class="na">chưa có dữ liệu</span>';
    if (unit === 'rate') return pf.format(f.value);
    if (unit === 'days' || unit === 'hours') return df.format(f.value);
    return nf.format(f.value);
  }
  function today() {
    return new Date(Date.now() + 7 * 3600000).toISOString().slice(0, 10);
  }

  var params = new URLSearchParams(location.search);
  var state = {
    agency: params.get('agency') || '',
    domain: params.get('domain') || '',
    period: params.get('period') || 'month',
    date: params.get('date') || today(),
  };
  $('f-agency').value = state.agency;
  $('f-domain').value = state.domain;
  $('f-period').value = state.period;
  $('f-date').value = state.date;

  function query(extra) {
    var q = new URLSearchParams();
    if (state.agency) q.set('agency', state.agency);
    if (state.domain) q.set('domain', state.domain);
    q.set('period', state.period);
    q.set('date', state.date);
    Object.keys(extra || {}).forEach(function (k) {
      q.set(k, extra[k]);
    });
    return q.toString();
  }
  function getJson(path) {
    return fetch(path, { headers: { accept: 'application/json' } }).then(function (r) {
      if (!r.ok) throw new Error(path + ': ' + r.status);
      return r.json();
    });
  }

  function bars(items, max, asRate) {
    var h = 30,
      w = 440,
      label = 175;
    var svg =
      '<svg class="bars" viewBox="0 0 ' + w + ' ' + (items.length * h + 4) + '" role="img">';
    items.forEach(function (it, i) {
      var len = max > 0 && it.value ? Math.max(1, ((w - label - 120) * it.value) / max) : 0;
      var y = i * h + 4;
      svg +=
        '<text x="0" y="' +
        (y + 15) +
        '" font-size="15">' +
        esc(it.label.length > 20 ? it.label.slice(0, 19) + '…' : it.label) +
        '</text>';
      svg +=
        '<rect x="' +
        label +
        '" y="' +
        y +
        '" width="' +
        len.toFixed(1) +
        '" height="18" fill="' +
        (it.color || '#c62828') +
        '" data-key="' +
        esc(it.key) +
        '" data-value="' +
        (it.value == null ? '' : it.value) +
        '"></rect>';
      svg +=
        '<text x="' +
        (label + len + 4) +
        '" y="' +
        (y + 15) +
        '" font-size="15">' +
        (it.value == null ? '–' : asRate ? pf.format(it.value) : nf.format(it.value)) +
        (it.suffix || '') +
        '</text>';
    });
    return svg + '</svg>';
  }

  function lineChart(points) {
    var w = 600,
      h = 220,
      padL = 40,
      padB = 26,
      n = points.length;
    var svg =
      '<svg viewBox="0 0 ' +
      w +
      ' ' +
      h +
      '" role="img" data-points="' +
      esc(
        JSON.stringify(
          points.map(function (p) {
            return [p.key, p.value, p.n];
          }),
        ),
      ) +
      '">';
    [0, 0.5, 1].forEach(function (t) {
      var y = h - padB - t * (h - padB - 10);
      svg +=
        '<line x1="' +
        padL +
        '" x2="' +
        w +
        '" y1="' +
        y +
        '" y2="' +
        y +
        '" stroke="#dde3ea"></line><text x="0" y="' +
        (y + 4) +
        '" font-size="13">' +
        t * 100 +
        '%</text>';
    });
    if (n === 0)
      return (
        svg +
        '<text x="' +
        (w / 2 - 60) +
        '" y="' +
        h / 2 +
        '" font-size="13" fill="#9aa5b1">Chưa có hồ sơ đã giải quyết</text></svg>'
      );
    var step = (w - padL - 10) / Math.max(1, n);
    var path = '';
    points.forEach(function (p, i) {
      var x = padL + step * (i + 0.5);
      var bh =
        p.n > 0
          ? Math.max(
              2,
              (40 * p.n) /
                Math.max.apply(
                  null,
                  points.map(function (q) {
                    return q.n || 1;
                  }),
                ),
            )
          : 0;
      svg +=
        '<rect x="' +
        (x - step * 0.3) +
        '" y="' +
        (h - padB - bh) +
        '" width="' +
        step * 0.6 +
        '" height="' +
        bh +
        '" fill="#ffcdd2"></rect>';
      if (p.value != null) {
        var y = h - padB - p.value * (h - padB - 10);
        path += (path ? ' L' : 'M') + x.toFixed(1) + ' ' + y.toFixed(1);
        svg +=
          '<circle cx="' +
          x.toFixed(1) +
          '" cy="' +
          y.toFixed(1) +
          '" r="3" fill="#b71c1c"><title>' +
          esc(p.key) +
          ': ' +
          pf.format(p.value) +
          ' (n=' +
          p.n +
          ')</title></circle>';
      }
      if (n <= 12 || i % Math.ceil(n / 8) === 0)
        svg +=
          '<text x="' +
          (x - 14) +
          '" y="' +
          (h - 6) +
          '" font-size="13">' +
          esc(p.label) +
          '</text>';
    });
    return (
      svg + '<path d="' + path + '" fill="none" stroke="#b71c1c" stroke-width="2"></path></svg>'
    );
  }

  function renderCards(all, index) {
    var f = all.groups[0].figures;
    var cards = [
      [
        'index',
        'Chỉ số 766 (/100)',
        '<span data-value="' + index.score + '">' + df.format(index.score) + '</span>',
        '<div class="meta">tính được ' +
          index.computableMaxPoints +
          '/100 điểm' +
          (index.label ? ' · ' + index.label : '') +
          '</div>',
      ],
      ['received', 'Hồ sơ tiếp nhận', show(f.received), meta(f.received)],
      ['in_progress', 'Đang giải quyết', show(f.in_progress), meta(f.in_progress)],
      ['processed', 'Đã giải quyết', show(f.processed), meta(f.processed)],
      ['on_time_rate', 'Đúng hạn', show(f.on_time_rate, 'rate'), meta(f.on_time_rate)],
      [
        'avg_processing_days',
        'Số ngày giải quyết TB',
        show(f.avg_processing_days, 'days'),
        meta(f.avg_processing_days),
      ],
      [
        'supplements',
        'Yêu cầu bổ sung / gia hạn',
        nf.format(f.supplements.value) + ' / ' + nf.format(f.extensions.value),
        meta(f.supplements),
      ],
    ];
    $('kpis').innerHTML = cards
      .map(function (c) {
        return (
          '<div class="card" id="kpi-' +
          c[0] +
          '"><div class="label">' +
          c[1] +
          '</div><div class="value">' +
          c[2] +
          '</div>' +
          c[3] +
          '</div>'
        );
      })
      .join('');
  }

  function renderIndex(index) {
    var html = '<div class="score" id="index-score">' + df.format(index.score) + ' / 100</div>';
    html += bars(
      index.groups.map(function (g) {
        return { key: g.code, label: g.label, value: g.points, suffix: ' / ' + g.maxPoints };
      }),
      22,
      false,
    );
    html +=
      '<div class="table-wrap"><table><tr><th>Tiêu chí</th><th>Điểm</th><th>Công thức, đầu vào</th></tr>';
    index.groups.forEach(function (g) {
      g.criteria.forEach(function (c) {
        var inputs =
          c.status === 'not_available'
            ? '<span class="na">chưa có dữ liệu nguồn trong hệ thống</span>'
            : esc(c.formula) +
              ' = ' +
              (c.numerator == null ? '–' : nf.format(c.numerator)) +
              ' / ' +
              (c.denominator == null ? '–' : nf.format(c.denominator));
        html +=
          '<tr><td>' +
          esc(c.label) +
          '</td><td>' +
          (c.points == null ? '<span class="na">–</span>' : df.format(c.points)) +
          ' / ' +
          c.maxPoints +
          '</td><td>' +
          inputs +
          '</td></tr>';
      });
    });
    $('index-766').innerHTML = html + '</table></div>';
  }

  function renderSeries(series, granularity) {
    var points = series.groups
      .filter(function (g) {
        return g.key;
      })
      .map(function (g) {
        var f = g.figures.on_time_rate;
        var p = g.key.split('-');
        return {
          key: g.key,
          value: f.value,
          n: f.sampleSize,
          label: granularity === 'month' ? p[1] + '/' + p[0].slice(2) : p[2] + '/' + p[1],
        };
      });
    $('chart-ontime').innerHTML = lineChart(points);
  }

  function renderPanels(all) {
    var f = all.groups[0].figures;
    $('chart-status').innerHTML = bars(
      Object.keys(STATUS).map(function (k) {
        return { key: k, label: STATUS[k], value: f[k].value };
      }),
      Math.max.apply(
        null,
        Object.keys(STATUS).map(function (k) {
          return f[k].value || 0;
        }),
      ),
      false,
    );
    $('chart-channel').innerHTML = bars(
      Object.keys(CHANNEL).map(function (k) {
        return { key: k, label: CHANNEL[k], value: f[k].value, color: '#1565c0' };
      }),
      Math.max.apply(
        null,
        Object.keys(CHANNEL).map(function (k) {
          return f[k].value || 0;
        }),
      ),
      false,
    );
    var rows = function (list) {
      return (
        '<table>' +
        list
          .map(function (r) {
            return (
              '<tr><td>' +
              r[0] +
              '</td><td><b>' +
              show(f[r[1]], r[2]) +
              '</b>' +
              meta(f[r[1]]) +
              '</td></tr>'
            );
          })
          .join('') +
        '</table>'
      );
    };
    $('digitization').innerHTML = rows([
      ['Số hóa thành phần hồ sơ', 'digitization_rate', 'rate'],
      ['Tái sử dụng dữ liệu', 'reuse_rate', 'rate'],
      ['Kết quả điện tử', 'electronic_result_rate', 'rate'],
      ['Đồng bộ kho dữ liệu công dân', 'store_sync_rate', 'rate'],
      ['Trực tuyến toàn trình', 'online_full_share', 'rate'],
      ['Trực tuyến một phần', 'online_partial_share', 'rate'],
    ]);
    $('feedback').innerHTML = rows([
      ['Tiếp nhận', 'feedback_received'],
      ['Đã trả lời', 'feedback_answered'],
      ['Đúng hạn', 'feedback_on_time_rate', 'rate'],
      ['Quá hạn', 'feedback_overdue'],
      ['Hài lòng', 'satisfaction_rate', 'rate'],
    ]);
  }

  function holders(d) {
    return (d.heldBy || [])
      .map(function (s) {
        return esc(s.agencyName || s.agencyCode) + (s.late ? ' <b class="late">(trễ)</b>' : '');
      })
      .join(', ');
  }
  function renderOverdue(data) {
    if (data.dossiers.length === 0) {
      $('overdue').innerHTML = '<p class="na">Không có hồ sơ quá hạn.</p>';
      return;
    }
    $('overdue').innerHTML =
      '<div class="table-wrap"><table><tr><th>Mã hồ sơ</th><th>Thủ tục</th><th>Đơn vị</th><th>Hạn</th><th>Trễ (ngày)</th><th>Đang giữ (liên thông)</th></tr>' +
      data.dossiers
        .map(function (d) {
          return (
            '<tr><td>' +
            esc(d.dossierCode) +
            '</td><td>' +
            esc(d.procedureCode) +
            '</td><td>' +
            esc(d.unitCode || d.agencyCode) +
            '</td><td>' +
            esc(when(d.dueDate)) +
            '</td><td>' +
            df.format(d.daysLate) +
            '</td><td>' +
            holders(d) +
            '</td></tr>'
          );
        })
        .join('') +
      '</table></div>';
  }

  // Một cửa liên thông: where the unfinished inter-agency dossiers wait, and the agency's own stages.
  function renderInterAgency(data, all) {
    var f = all.groups[0].figures;
    var html =
      '<table><tr><td>Giai đoạn đúng hạn</td><td><b>' +
      show(f.stage_on_time_rate, 'rate') +
      '</b>' +
      meta(f.stage_on_time_rate) +
      '</td></tr><tr><td>Giờ làm việc TB mỗi giai đoạn</td><td><b>' +
      show(f.avg_stage_working_hours, 'hours') +
      '</b>' +
      meta(f.avg_stage_working_hours) +
      '</td></tr><tr><td>Giai đoạn đang quá hạn</td><td><b>' +
      show(f.stages_overdue) +
      '</b>' +
      meta(f.stages_overdue) +
      '</td></tr></table>';
    if (data.dossiers.length === 0) {
      $('inter-agency').innerHTML =
        html + '<p class="na">Không có hồ sơ liên thông đang giải quyết.</p>';
      return;
    }
    html += bars(
      data.waitingAt.map(function (w) {
        return {
          key: w.agencyCode,
          label: w.agencyName || w.agencyCode,
          value: w.dossiers,
          color: w.late ? '#e65100' : '#1565c0',
          suffix: w.late ? ' (' + w.late + ' trễ)' : '',
        };
      }),
      Math.max.apply(
        null,
        data.waitingAt.map(function (w) {
          return w.dossiers;
        }),
      ),
      false,
    );
    $('inter-agency').innerHTML =
      html +
      '<div class="table-wrap"><table><tr><th>Mã hồ sơ</th><th>Thủ tục</th><th>Hạn</th><th>Đang chờ tại</th></tr>' +
      data.dossiers
        .map(function (d) {
          return (
            '<tr data-dossier="' +
            esc(d.dossierCode) +
            '"><td>' +
            esc(d.dossierCode) +
            '</td><td>' +
            esc(d.procedureCode) +
            '</td><td>' +
            esc(when(d.dueDate)) +
            '</td><td>' +
            (holders(d) || 'cơ quan chủ trì ' + esc(d.agencyCode)) +
            '</td></tr>'
          );
        })
        .join('') +
      '</table></div>';
  }

  function renderCampaigns(data) {
    if (data.campaigns.length === 0) {
      $('campaigns').innerHTML = '<p class="na">Chưa có kế hoạch rà soát.</p>';
      return;
    }
    $('campaigns').innerHTML = data.campaigns
      .slice(0, 5)
      .map(function (c) {
        var progress = c.progress || [];
        return (
          '<h3>' +
          esc(c.name) +
          ' (hạn ' +
          day(c.deadline) +
          ')</h3>' +
          bars(
            c.scopes.map(function (s) {
              var p = progress.filter(function (x) {
                return x.domainCode === s.domainCode;
              })[0];
              var late = !p || p.evaluated < p.inScope ? today() > s.deadline : false;
              return {
                key: s.domainCode,
                label: s.domainName,
                value: p && p.inScope ? p.evaluated / p.inScope : 0,
                color: late ? '#e65100' : '#2e7d32',
                suffix: late ? ' quá hạn' : '',
              };
            }),
            1,
            true,
          )
        );
      })
      .join('');
  }

  /** The keys of one grouping this year, as the options of a datalist (agencies, domains). */
  function fillList(listId, groupBy) {
    getJson('/figures/received?' + query({ groupBy: groupBy, period: 'year' }))
      .then(function (d) {
        $(listId).innerHTML = d.rows
          .filter(function (r) {
            return r.key;
          })
          .map(function (r) {
            return '<option value="' + esc(r.key) + '">';
          })
          .join('');
      })
      .catch(function () {});
  }

  function fillLists() {
    fillList('agencies', 'agency');
    fillList('domains', 'domain');
  }

  var loading = null,
    again = false;
  function load() {
    if (loading) {
      again = true;
      return loading;
    }
    var granularity = state.period === 'year' ? 'month' : 'day';
    var seriesPeriod = state.period === 'day' ? 'month' : state.period;
    // the 766 answer carries the figures it was computed from: one aggregate pass serves both
    loading = Promise.all([
      getJson('/index-766?' + query()),
      getJson('/figures?' + query({ groupBy: granularity, period: seriesPeriod })),
      getJson('/figures/overdue?' + query({ limit: '20' })),
      getJson(
        '/figures/review-campaigns' +
          (state.domain ? '?domain=' + encodeURIComponent(state.domain) : ''),
      ),
      getJson('/figures/inter-agency?' + query({ limit: '20' })),
    ])
      .then(function (answers) {
        var r = [{ period: answers[0].period, groups: [{ figures: answers[0].figures }] }].concat(
          answers,
        );
        $('period-text').textContent =
          'Kỳ: ' +
          day(r[0].period.from) +
          ' – ' +
          day(r[0].period.to) +
          (state.agency ? ' · Cơ quan ' + state.agency : ' · Toàn tỉnh') +
          (state.domain ? ' · Lĩnh vực ' + state.domain : '');
        renderCards(r[0], r[1]);
        renderIndex(r[1]);
        renderSeries(r[2], granularity);
        renderPanels(r[0]);
        renderOverdue(r[3]);
        renderCampaigns(r[4]);
        renderInterAgency(r[5], r[0]);
        $('csv-link').href = '/figures?' + query({ format: 'csv' });
        document.body.setAttribute('data-loaded', String(Date.now()));
      })
      .catch(function (e) {
        $('period-text').textContent = 'Lỗi tải số liệu: ' + e.message;
      })
      .finally(function () {
        loading = null;
        if (again) {
          again = false;
          load();
        }
      });
    return loading;
  }

  var source = null;
  function connect() {
    if (source) source.close();
    var q = new URLSearchParams();
    if (state.agency) q.set('agency', state.agency);
    if (state.domain) q.set('domain', state.domain);
    source = new EventSource('/dashboard/events?' + q.toString());
    source.onopen = function () {
      $('live').className = 'live on';
      $('live-text').textContent = 'trực tiếp';
    };
    source.onerror = function () {
      $('live').className = 'live off';
      $('live-text').textContent = 'mất kết nối, đang thử lại';
    };
    source.onmessage = function (m) {
      var data = JSON.parse(m.data);
      if (data.kind === 'changed') load();
    };
  }

  $('filters').addEventListener('submit', function (e) {
    e.preventDefault();
    state.agency = $('f-agency').value.trim();
    state.domain = $('f-domain').value.trim();
    state.period = $('f-period').value;
    state.date = $('f-date').value || today();
    var q = query();
    history.replaceState(null, '', '/dashboard?' + q);
    load();
    connect();
  });
  fillLists();
  load();
  connect();
})();
