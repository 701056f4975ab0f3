"""The coverage section of a report: one row per article, in Markdown or as an HTML fragment.

Kept apart from the main renderers so they only need one call each:
``coverage_markdown(story)`` returns a Markdown section (empty when the story has no coverage) and
``coverage_html(story)`` an escaped ``<section>`` fragment for the HTML template.
"""

from __future__ import annotations

from html import escape as html_escape

from newsprism.model import Coverage, Story


def coverage_rows(story: Story) -> list[dict]:
    """Display rows: who, when, how many facts, what it alone has, what it leaves out."""
    if story.coverage is None:
        return []
    by_id = {f.id: f for f in story.facts}
    rows = []
    for outlet in sorted(story.coverage.outlets, key=lambda o: (o.rank is None, o.rank or 0)):
        rows.append({
            "article": outlet.article,
            "outlet": outlet.outlet or outlet.article,
            "published": outlet.published or "—",
            "rank": outlet.rank,
            "facts": len(outlet.facts),
            "alone": len(outlet.alone),
            "missing": [by_id[f].statement for f in outlet.missing if f in by_id],
            "meta": ", ".join(v for v in (outlet.country, outlet.lean) if v),
        })
    return rows


def _distribution_line(coverage: Coverage) -> str:
    parts = []
    for name, counts in (("countries", coverage.countries), ("lean", coverage.leans)):
        if counts:
            parts.append(f"{name}: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
    return "; ".join(parts)


def coverage_markdown(story: Story) -> str:
    from newsprism.present.markdown import escape

    rows = coverage_rows(story)
    if not rows:
        return ""
    lines = ["## Coverage", "",
             "| # | Outlet | Published | Facts | Only here | Leaves out |",
             "|---|---|---|---|---|---|"]
    for row in rows:
        missing = "; ".join(escape(s)[:120] for s in row["missing"][:3]) or "—"
        if len(row["missing"]) > 3:
            missing += f" (+{len(row['missing']) - 3})"
        outlet = escape(row["outlet"]) + (f" ({escape(row['meta'])})" if row["meta"] else "")
        lines.append(f"| {row['rank'] or '—'} | {outlet} | {escape(row['published'])} | "
                     f"{row['facts']} | {row['alone']} | {missing} |")
    distribution = _distribution_line(story.coverage)
    if distribution:
        lines += ["", escape(distribution)]
    return "\n".join(lines)


def coverage_html(story: Story) -> str:
    rows = coverage_rows(story)
    if not rows:
        return ""
    body = []
    for row in rows:
        missing = "".join(f"<li>{html_escape(s)}</li>" for s in row["missing"])
        meta = f' <span class="note">{html_escape(row["meta"])}</span>' if row["meta"] else ""
        body.append(
            f"<tr><td>{row['rank'] or '—'}</td>"
            f'<td title="{html_escape(row["article"])}">{html_escape(row["outlet"])}{meta}</td>'
            f"<td>{html_escape(row['published'])}</td><td>{row['facts']}</td>"
            f"<td>{row['alone']}</td><td>{'<ul>' + missing + '</ul>' if missing else '—'}</td></tr>"
        )
    distribution = _distribution_line(story.coverage)
    note = f'<p class="note">{html_escape(distribution)}</p>' if distribution else ""
    return (
        '<section class="coverage"><h3>Coverage</h3><table><thead><tr><th>#</th><th>Outlet</th>'
        "<th>Published</th><th>Facts</th><th>Only here</th><th>Leaves out</th></tr></thead>"
        f"<tbody>{''.join(body)}</tbody></table>{note}</section>"
    )
