/** Styles of the dashboard: one column on a phone, a grid on wider screens. */
export const DASHBOARD_CSS = String.raw`
* { box-sizing: border-box; }
body { margin: 0; font-family: "DejaVu Sans", "Segoe UI", Roboto, Arial, sans-serif; background: #f3f5f8; color: #1d2733; font-size: 15px; }
header { background: #b71c1c; color: #fff; padding: 12px 16px; }
header h1 { margin: 0; font-size: 1.25rem; }
.sub { margin: 4px 0 0; font-size: .9rem; opacity: .95; }
.live { font-weight: bold; margin-left: 6px; }
.live.on { color: #b9f6ca; } .live.off { color: #ffcdd2; }
.filters { display: flex; flex-wrap: wrap; gap: 8px; padding: 10px 16px; background: #fff; border-bottom: 1px solid #dde3ea; }
.filters label { display: flex; flex-direction: column; font-size: .8rem; color: #52606d; flex: 1 1 140px; }
.filters input, .filters select { font-size: 1rem; padding: 6px; border: 1px solid #c5ced8; border-radius: 4px; }
.filters button { flex: 0 0 auto; align-self: flex-end; font-size: 1rem; padding: 7px 18px; background: #b71c1c; color: #fff; border: 0; border-radius: 4px; }
.period { margin: 8px 16px; color: #52606d; font-size: .9rem; }
main { display: grid; grid-template-columns: 1fr; gap: 12px; padding: 0 12px 16px; }
@media (min-width: 900px) { main { grid-template-columns: 1fr 1fr; } .wide, .cards { grid-column: 1 / -1; } }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(150px, 1fr)); gap: 10px; }
.card, .panel { background: #fff; border-radius: 6px; padding: 12px; box-shadow: 0 1px 2px rgba(0,0,0,.08); }
.card .label { font-size: .8rem; color: #52606d; }
.card .value { font-size: 1.6rem; font-weight: bold; margin: 4px 0; }
.meta { font-size: .72rem; color: #7b8794; }
.panel h2 { font-size: 1rem; margin: 0 0 8px; }
.chart svg, svg.bars { width: 100%; height: auto; display: block; }
svg.bars { max-width: 620px; }
h3 { font-size: .9rem; margin: 10px 0 4px; }
table { width: 100%; border-collapse: collapse; font-size: .85rem; }
th, td { text-align: left; padding: 4px 6px; border-bottom: 1px solid #eef1f4; }
.na { color: #9aa5b1; font-style: italic; }
.bar-row { display: grid; grid-template-columns: 1fr; margin-bottom: 6px; }
.score { font-size: 2.2rem; font-weight: bold; color: #b71c1c; }
.table-wrap { overflow-x: auto; }
footer { padding: 12px 16px; font-size: .8rem; color: #52606d; }
`;
