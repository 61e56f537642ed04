/// The one stylesheet of the web pages: mobile first, no framework, readable without it.
enum SiteStylesheet {
    static let css = """
        :root { --ink: #1d2433; --muted: #5b6577; --accent: #c0392b; --bg: #f6f7f9; --card: #fff; --line: #dfe3ea; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 16px/1.55 system-ui, -apple-system, "PingFang SC", "Noto Sans CJK SC", sans-serif;
          color: var(--ink); background: var(--bg); }
        a { color: #1f5fbf; }
        .skip { position: absolute; left: -999px; } .skip:focus { left: 8px; top: 8px; background: #fff; padding: 4px; }
        .top { background: var(--accent); color: #fff; padding: 8px 16px; padding-top: max(8px, env(safe-area-inset-top));
          display: flex; gap: 8px 16px; align-items: center; justify-content: space-between; }
        .brand { color: #fff; text-decoration: none; font-weight: 700; font-size: 19px; line-height: 1.2; }
        .brand small { display: block; font-weight: 400; font-size: 12px; opacity: .9; }
        .nav { display: flex; gap: 4px 6px; } .nav a { color: #fff; text-decoration: none; display: inline-flex;
          align-items: center; min-height: 44px; padding: 0 8px; }
        .tabbar { position: fixed; left: 0; right: 0; bottom: 0; z-index: 10; display: flex; background: #fff;
          border-top: 1px solid var(--line); padding-bottom: env(safe-area-inset-bottom); }
        .tabbar a { flex: 1; display: flex; flex-direction: column; align-items: center; justify-content: center;
          min-height: 56px; min-width: 44px; padding: 4px 2px; gap: 2px; color: var(--muted); text-decoration: none;
          font-size: 12px; position: relative; }
        .tabbar a.on { color: var(--accent); font-weight: 600; }
        .tabbar a:focus-visible { outline: 3px solid #1f5fbf; outline-offset: -3px; }
        .tabbar svg { fill: none; stroke: currentColor; stroke-width: 1.8; stroke-linecap: round; stroke-linejoin: round; }
        .badge { display: inline-block; min-width: 18px; height: 18px; padding: 0 5px; border-radius: 9px;
          background: #c0392b; color: #fff; font-size: 11px; line-height: 18px; text-align: center; font-weight: 700; }
        .tabbar .badge { position: absolute; top: 3px; left: calc(50% + 6px); }
        body.with-tabbar { padding-bottom: calc(64px + env(safe-area-inset-bottom)); }
        html:has(body.with-tabbar) { scroll-padding-bottom: calc(72px + env(safe-area-inset-bottom)); }
        @media (min-width: 900px) {
          .tabbar { position: sticky; top: 0; bottom: auto; justify-content: center; gap: 8px; border-top: 0;
            border-bottom: 1px solid var(--line); padding: 0 16px; }
          .tabbar a { flex: 0 0 auto; flex-direction: row; gap: 6px; padding: 0 14px; min-height: 48px; font-size: 15px; }
          .tabbar a.on { box-shadow: inset 0 -3px 0 var(--accent); }
          .tabbar .badge { position: static; }
          body.with-tabbar { padding-bottom: 0; }
          html:has(body.with-tabbar) { scroll-padding-bottom: 0; scroll-padding-top: 56px; }
        }
        .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0);
          white-space: nowrap; }
        .hub { list-style: none; padding: 0; margin: 12px 0; background: var(--card); border: 1px solid var(--line);
          border-radius: 10px; }
        .hub li { border-top: 1px solid var(--line); } .hub li:first-child { border-top: 0; }
        .hub a { display: flex; align-items: center; justify-content: space-between; gap: 8px; min-height: 52px;
          padding: 0 16px; color: var(--ink); text-decoration: none; font-size: 17px; }
        .hub a::after { content: "›"; color: var(--muted); font-size: 22px; margin-left: auto; }
        .profile h2 { margin: 0 0 8px; } .actions { display: flex; gap: 10px; flex-wrap: wrap; }
        .button.secondary-link { background: #fff; color: var(--accent); border: 1px solid var(--accent); }
        button.wide { width: 100%; min-height: 44px; font-size: 16px; padding: 10px; }
        .form button { min-height: 44px; font-size: 16px; }
        main { max-width: 960px; margin: 0 auto; padding: 16px; }
        .hero h1 { font-size: 24px; margin: 8px 0; } .hero p { color: var(--muted); }
        .cards { display: grid; grid-template-columns: 1fr; gap: 12px; margin: 16px 0; }
        @media (min-width: 720px) { .cards { grid-template-columns: repeat(3, 1fr); } }
        .card { background: var(--card); border: 1px solid var(--line); border-radius: 10px; padding: 14px; }
        .card h2 { font-size: 18px; margin: 0 0 6px; }
        .button, button { display: inline-block; background: var(--accent); color: #fff; border: 0; border-radius: 8px;
          padding: 9px 16px; font-size: 16px; text-decoration: none; cursor: pointer; }
        .stats { list-style: none; padding: 0; display: grid; grid-template-columns: repeat(2, 1fr); gap: 10px; }
        @media (min-width: 720px) { .stats { grid-template-columns: repeat(4, 1fr); } }
        .stats li { background: var(--card); border: 1px solid var(--line); border-radius: 10px; padding: 10px; }
        .stats strong { display: block; font-size: 22px; } .stats span { color: var(--muted); font-size: 14px; }
        .crumbs { font-size: 14px; color: var(--muted); margin-bottom: 8px; }
        .eyebrow { margin: 0; color: var(--muted); font-size: 14px; } .muted { color: var(--muted); }
        .division-head h1 { margin: 2px 0; }
        .list { list-style: none; padding: 0; background: var(--card); border: 1px solid var(--line); border-radius: 10px; }
        .list li { padding: 10px 14px; border-top: 1px solid var(--line); } .list li:first-child { border-top: 0; }
        .search .row { display: flex; gap: 8px; } .search input { flex: 1; }
        input { font-size: 16px; padding: 9px; border: 1px solid var(--line); border-radius: 8px; width: 100%; }
        .form { display: grid; gap: 8px; max-width: 420px; } .narrow { max-width: 480px; }
        select, textarea { font: inherit; font-size: 16px; padding: 9px; border: 1px solid var(--line); border-radius: 8px;
          width: 100%; background: #fff; }
        .filters { align-items: center; flex-wrap: wrap; margin-top: 8px; } .filters select { flex: 1; min-width: 12em; }
        .check { display: flex; gap: 6px; align-items: center; } .check input { width: auto; }
        .chips { display: flex; flex-wrap: wrap; gap: 6px; margin: 12px 0; }
        .chips a { padding: 4px 10px; border: 1px solid var(--line); border-radius: 999px; background: var(--card);
          text-decoration: none; color: var(--ink); font-size: 14px; }
        .chips a.on { background: var(--accent); color: #fff; border-color: var(--accent); }
        .tag { display: inline-block; font-size: 12px; padding: 1px 8px; border-radius: 999px; background: #eef1f6;
          color: var(--muted); } .tag.late { background: #fde2e0; color: #a12a1c; }
        .status-completed, .status-approved { background: #e3f4e8; color: #1e6b35; } .status-rejected { background: #fde2e0; color: #a12a1c; }
        ul.cards { list-style: none; padding: 0; } .services li { line-height: 1.4; }
        .facts { display: grid; grid-template-columns: max-content 1fr; gap: 6px 14px; background: var(--card);
          border: 1px solid var(--line); border-radius: 10px; padding: 12px 14px; } .facts dd { margin: 0; }
        .facts ul { margin: 0; padding-left: 18px; } .facts dt { color: var(--muted); }
        .field { display: grid; gap: 4px; } .field.invalid input, .field.invalid select, .field.invalid textarea { border-color: #c0392b; }
        .error { color: #a12a1c; } p.error { background: #fde2e0; padding: 8px 12px; border-radius: 8px; }
        .timeline { padding-left: 20px; } .timeline li { margin: 6px 0; }
        .stars { color: #e0a100; letter-spacing: 2px; } .stars-input { border: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 10px; }
        .stars-input label { display: flex; gap: 4px; align-items: center; } .stars-input input { width: auto; }
        button.secondary { background: #fff; color: var(--accent); border: 1px solid var(--accent); padding: 5px 12px; font-size: 14px; }
        table { border-collapse: collapse; width: 100%; background: var(--card); font-size: 14px; }
        th, td { border-bottom: 1px solid var(--line); padding: 6px 8px; text-align: left; vertical-align: top; }
        .status-booked, .status-paid, .status-succeeded { background: #e3f4e8; color: #1e6b35; }
        .status-unpaid, .status-failed { background: #fff1d6; color: #8a5a00; }
        .affair .amount { float: right; } .affair-actions { margin: 6px 0 0; display: flex; flex-wrap: wrap; gap: 6px; }
        .button.small { padding: 4px 12px; font-size: 14px; } details.rate { margin-top: 6px; }
        details.rate summary { cursor: pointer; color: #1f5fbf; } .empty { background: var(--card); padding: 12px 14px;
          border: 1px dashed var(--line); border-radius: 10px; }
        .table-scroll { overflow-x: auto; } .chart { margin: 16px 0; } .chart figcaption { color: var(--muted); font-size: 14px; }
        .console-nav { display: flex; flex-wrap: wrap; gap: 8px 14px; align-items: center; margin-bottom: 8px; }
        form.inline { display: inline; }
        .foot { max-width: 960px; margin: 24px auto; padding: 0 16px; font-size: 12px; color: var(--muted); }
        .foot ul { padding-left: 18px; }
        .alert { background: #fdecea; color: #8a1c12; border-radius: 8px; padding: 10px 12px; }
        .pre { white-space: pre-wrap; } #ballot-status { overflow-wrap: anywhere; }
        .photos { display: flex; gap: 8px; flex-wrap: wrap; margin: 8px 0; }
        .photos img { width: 104px; height: 104px; object-fit: cover; border-radius: 8px; }
        .note { background: #fff7e0; border-radius: 8px; padding: 10px 12px; } .ok { color: #1e7b34; }
        .facts { display: grid; grid-template-columns: max-content 1fr; gap: 6px 14px; background: var(--card);
          border: 1px solid var(--line); border-radius: 10px; padding: 12px 14px; } .facts dt { color: var(--muted); }
        .facts dd { margin: 0; overflow-wrap: anywhere; } .amount { font-size: 18px; } .timeline { color: var(--muted); font-size: 14px; }
        .slots { list-style: none; padding: 0; display: grid; grid-template-columns: 1fr; gap: 8px; }
        @media (min-width: 720px) { .slots { grid-template-columns: repeat(3, 1fr); } }
        .slots li { background: var(--card); border: 1px solid var(--line); border-radius: 10px; padding: 8px 12px;
          display: flex; flex-wrap: wrap; gap: 6px 10px; align-items: center; justify-content: space-between; }
        form.inline { display: inline; } select { font-size: 16px; padding: 8px; border-radius: 8px; }
        button.secondary { background: #fff; color: var(--accent); border: 1px solid var(--accent); }
        .table { border-collapse: collapse; width: 100%; background: var(--card); }
        .table th, .table td { border: 1px solid var(--line); padding: 6px 10px; text-align: left; }
        """
}
