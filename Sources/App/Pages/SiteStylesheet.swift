/// The one stylesheet of the web pages: mobile first, no framework, readable without it.
enum SiteStylesheet {
    static let css = """
        :root { --ink: #1d2433; --muted: #5b6577; --accent: #c0392b; --bg: #f6f7f9; --card: #fff; --line: #dfe3ea; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 16px/1.55 system-ui, -apple-system, "PingFang SC", "Noto Sans CJK SC", sans-serif;
          color: var(--ink); background: var(--bg); }
        a { color: #1f5fbf; }
        .skip { position: absolute; left: -999px; } .skip:focus { left: 8px; top: 8px; background: #fff; padding: 4px; }
        .top { background: var(--accent); color: #fff; padding: 12px 16px; display: flex; flex-wrap: wrap;
          gap: 8px 16px; align-items: center; justify-content: space-between; }
        .brand { color: #fff; text-decoration: none; font-weight: 700; font-size: 20px; }
        .brand small { display: block; font-weight: 400; font-size: 12px; opacity: .85; }
        .nav { display: flex; flex-wrap: wrap; gap: 4px 14px; } .nav a { color: #fff; text-decoration: none; }
        .nav-form { display: inline; margin: 0; } .nav-form button { background: none; border: 0; color: #fff;
        font: inherit; padding: 0; cursor: pointer; text-decoration: underline; }
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
        .foot { max-width: 960px; margin: 24px auto; padding: 0 16px; font-size: 12px; color: var(--muted); }
        .foot ul { padding-left: 18px; }
        """
}
